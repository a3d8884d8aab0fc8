package org.imrplatform.shared;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * How pages name the person signed in: by their sign-in address, except an account whose address is not theirs (one
 * made by a learning system's launch, at an address that receives nothing), which is named by its person's name.
 * Pages ask the {@code shownName} bean; shared slide pages put the same name in their hole.
 */
@Component("shownName")
public class ShownName {

    /** A signed-in principal that names itself otherwise than by its sign-in address. */
    public interface Named {
        String shownName();
    }

    public String of(Authentication who) {
        return nameOf(who);
    }

    static String nameOf(Authentication who) {
        return who.getPrincipal() instanceof Named named ? named.shownName() : who.getName();
    }
}
