package org.imrplatform.practice;

/** One IMR group of a program, led by one or more facilitators. */
public record ImrGroup(long id, long programId, String programLabel, String name) {

    public String label() {
        return programLabel + " · " + name;
    }
}
