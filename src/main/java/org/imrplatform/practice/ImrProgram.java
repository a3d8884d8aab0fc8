package org.imrplatform.practice;

/** A site's IMR program: the unit the IMR Fidelity Scale rates. */
public record ImrProgram(long id, long siteId, String siteName, String name) {

    /** Site and program, as shown in lists and reports. */
    public String label() {
        return siteName + " · " + name;
    }
}
