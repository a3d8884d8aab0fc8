package org.imrplatform.xapi;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An xAPI 1.0.3 statement as this platform sends it: an account-identified agent, a verb, an activity, and the
 * result and context the action has. Absent parts are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Statement(String id, Agent actor, Verb verb, Activity object, Result result, Context context,
        String timestamp) {

    /** A learner, known to the store only by an opaque account name under the platform's home page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Agent(String objectType, Account account) {

        static Agent of(String homePage, String name) {
            return new Agent("Agent", new Account(homePage, name));
        }
    }

    record Account(String homePage, String name) {
    }

    /** {@code display} is a language map (en-US, es). */
    record Verb(String id, Map<String, String> display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Activity(String objectType, String id, Definition definition) {

        static Activity of(String id, Definition definition) {
            return new Activity("Activity", id, definition);
        }
    }

    /** {@code name} is a language map; {@code interactionType} and {@code choices} only for a question. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Definition(Map<String, String> name, String type, String interactionType, List<Choice> choices) {

        Definition(Map<String, String> name, String type) {
            this(name, type, null, null);
        }
    }

    /** One option of a question: its id (its position) and its text as a language map. */
    record Choice(String id, Map<String, String> description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(Score score, Boolean success, Boolean completion, String response) {
    }

    record Score(double scaled, int raw, int min, int max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Context(String registration, String platform, String language, ContextActivities contextActivities) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ContextActivities(List<Activity> parent, List<Activity> grouping) {
    }
}
