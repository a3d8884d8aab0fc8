package org.imrplatform.products;

import jakarta.validation.Valid;

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

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
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
        catalog.add(form);
        return "redirect:/admin/products";
    }

    private String show(Model model) {
        model.addAttribute("products", catalog.all());
        return "products/products";
    }
}
