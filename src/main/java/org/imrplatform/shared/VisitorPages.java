package org.imrplatform.shared;

/**
 * Pages of a module that are the same for every visitor who is not signed in, so {@link VisitorPageCache} may serve
 * them from memory: the module names their addresses and what they depend on.
 */
public interface VisitorPages {

    /** Whether the page at this path (GET, no query string) is one of them. */
    boolean covers(String path);

    /** What the pages depend on, as a short text: when it changes, the copies kept of them are old. */
    String revision();
}
