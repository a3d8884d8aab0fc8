package org.imrplatform.practice;

/** A facilitator account linked to a group; a clinical review rates one of these in one session. */
public record GroupFacilitator(ImrGroup group, long accountId, String fullName) {

    public String label() {
        return group.label() + " · " + fullName;
    }
}
