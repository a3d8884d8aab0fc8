package org.imrplatform.products;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.validation.Valid;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The catalog of the center's products, which the outcomes page counts. */
@Controller
@RequestMapping("/admin/products")
class ProductController {

    private final JdbcClient jdbc;

    ProductController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ModelAttribute("productKinds")
    ProductKind[] kinds() {
        return ProductKind.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", ProductForm.empty());
        return show(model);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("form") ProductForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return show(model);
        }
        jdbc.sql("insert into product (title, kind, area, released_on, created_at) values (?, ?, ?, ?, ?)")
                .params(form.title().trim(), form.kind().name(), form.area().trim(), form.releasedOn(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return "redirect:/admin/products";
    }

    private String show(Model model) {
        model.addAttribute("products", jdbc.sql("select id, title, kind, area, released_on from product"
                        + " order by released_on desc, id desc")
                .query((rs, row) -> new Product(rs.getLong(1), rs.getString(2), ProductKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, LocalDate.class)))
                .list());
        return "products/products";
    }
}
