package org.imrplatform.participants;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.imrplatform.practice.ImrGroup;
import org.imrplatform.practice.Programs;
import org.imrplatform.shared.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A participant's whole record as they may ask for it: what this module keeps and every {@link RecordPart} the other
 * Practice modules keep, as a readable PDF and as JSON. Labels are written out in the chosen language; the JSON also
 * keeps each label's key, so a program can read it without knowing the language.
 */
@Component
class ParticipantExport {

    /** The record as exported. */
    record ExportedRecord(String code, String initials, String group, LocalDate consentOn, LocalDate joinedOn,
            String status, LocalDate endedOn, String endReason, List<Move> moves, List<Part> parts,
            LocalDate exportedOn, String language) {
    }

    record Move(String fromGroup, String toGroup, LocalDate movedOn) {
    }

    record Part(String heading, List<Line> entries) {
    }

    record Line(String labelKey, String label, LocalDate on, String text) {
    }

    private final List<RecordPart> parts;
    private final Programs programs;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final PdfDocuments pdfs;
    private final Clock clock;

    ParticipantExport(List<RecordPart> parts, Programs programs, JdbcClient jdbc, MessageSource messages,
            PdfDocuments pdfs, Clock clock) {
        this.parts = parts;
        this.programs = programs;
        this.jdbc = jdbc;
        this.messages = messages;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    ExportedRecord of(Participant participant, Locale locale) {
        List<Move> moves = jdbc.sql("select from_group_id, to_group_id, moved_on from participant_move"
                        + " where participant_id = ? order by moved_on")
                .param(participant.id())
                .query((rs, row) -> new Move(groupName(rs.getLong(1)), groupName(rs.getLong(2)),
                        rs.getObject(3, LocalDate.class)))
                .list();
        List<Part> exported = parts.stream()
                .map(part -> new Part(text(part.headingKey(), locale), part.entries(participant).stream()
                        .map(e -> new Line(e.labelKey(), text(e.labelKey(), locale), e.on(), e.text())).toList()))
                .toList();
        return new ExportedRecord(participant.code(), participant.initials(),
                programs.group(participant.groupId()).map(ImrGroup::label).orElse(""), participant.consentOn(),
                participant.joinedOn(), text("participant.status." + participant.status(), locale),
                participant.endedOn(), participant.endReason(), moves, exported, LocalDate.now(clock),
                locale.getLanguage());
    }

    byte[] pdf(Participant participant, Locale locale) {
        return pdfs.render("participants/record-pdf", Map.of("record", of(participant, locale)), locale);
    }

    private String groupName(long groupId) {
        return programs.group(groupId).map(ImrGroup::name).orElse("");
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
