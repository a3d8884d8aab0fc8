package org.imrplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.BadInput;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The knowledge gain report takes no parameters: whatever is added to its address, it shows the report. */
@PlatformTest
class KnowledgeGainBadInputTest {

    @Autowired
    MockMvc mvc;

    @Test
    void parametersItDoesNotTakeChangeNothing() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        for (String name : new String[] {"course", "courseId", "phase", "from", "lang"}) {
            for (String bad : BadInput.VALUES) {
                String sent = "/admin/knowledge-gain?" + name + "=" + BadInput.printable(bad);
                MockHttpServletResponse response = BadInput.send(mvc,
                        get("/admin/knowledge-gain").cookie(admin).param(name, bad), sent);
                assertThat(response.getStatus()).as(sent).isEqualTo(200);
                assertThat(response.getContentAsString()).as(sent).contains("Knowledge gain")
                        .doesNotContain("<script>alert");
            }
        }
    }
}
