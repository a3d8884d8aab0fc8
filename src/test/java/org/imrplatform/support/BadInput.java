package org.imrplatform.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * What a careless or hostile person sends instead of a good value, and the check that the answer is never a server
 * error. MockMvc has no error page: an exception no resolver answered is thrown here, and counts as a 500.
 */
public final class BadInput {

    /** Values for any field or parameter. */
    public static final List<String> VALUES = List.of("", " ", "NOPE", "abc", "\u0000", "a\u0000b", "x\u0001y",
            "x".repeat(10_000), "<script>alert(1)</script>", "1899-12-31", "9999-12-31", "-1", "0",
            "99999999999999999999", "1e3", "\u202eevil \u00f1and\u00fa \ud83d\ude00", "../../etc/passwd");

    /** Ids in an address that name nothing, or try to climb out of it; sent as they are, already encoded. */
    public static final List<String> PATH_SEGMENTS = List.of("no-such-id", "..%2f..%2fadmin", "..%252f", "%00",
            "a%00b", "%01", "x".repeat(2_000), "%E2%80%AEevil-%C3%B1and%C3%BA-%F0%9F%98%80", "-1",
            "99999999999999999999", "%3Cscript%3E", "%FF%FE", "x%0d%0aSet-Cookie:%20a=b");

    private BadInput() {
    }

    /** Sends the request and fails, naming what was sent, if the answer is a server error. */
    public static MockHttpServletResponse send(MockMvc mvc, RequestBuilder request, String sent) {
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            return fail("%s ended in an exception (a 500): %s", sent, e);
        }
        assertThat(response.getStatus()).as(sent).isLessThan(500);
        return response;
    }

    /** The page a response holds, as text (MockMvc's getter declares an exception no UTF-8 answer throws). */
    public static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as a test report can show it. */
    public static String printable(String value) {
        String shown = value.length() > 30 ? value.substring(0, 10) + "...(" + value.length() + " chars)" : value;
        StringBuilder out = new StringBuilder();
        shown.chars().forEach(c -> out.append(c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
