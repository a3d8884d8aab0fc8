package org.imrplatform.products;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators keep the catalog of products the outcomes page counts. */
@PlatformTest
class ProductCatalogTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aProductIsAddedAfterItsMistakesAreFixed() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        mvc.perform(post("/admin/products").with(csrf()).cookie(admin).param("title", "").param("kind", "TOOLKIT")
                        .param("area", "IMR").param("releasedOn", ""))
                .andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Enter the product&#39;s title."), containsString("Enter the release date."))));
        mvc.perform(post("/admin/products").with(csrf()).cookie(admin).param("title", "IMR fact sheet")
                        .param("kind", "FACT_SHEET").param("area", "Illness Management and Recovery")
                        .param("releasedOn", "2025-09-15"))
                .andExpect(redirectedUrl("/admin/products"));
        mvc.perform(get("/admin/products").cookie(admin)).andExpect(content().string(allOf(
                containsString("IMR fact sheet"), containsString("Fact sheet"), containsString("2025-09-15"))));
    }
}
