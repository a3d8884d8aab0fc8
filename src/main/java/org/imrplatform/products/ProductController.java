package org.imrplatform.products;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.imrplatform.events.PublicEvent;
import org.imrplatform.events.PublicEvents;
import org.imrplatform.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The catalog of the center's products, which the outcomes page counts and an area's public page lists. */
@Controller
@RequestMapping("/admin/products")
class ProductController {

    private final ProductCatalog catalog;
    private final PublicEvents events;

    ProductController(ProductCatalog catalog, PublicEvents events) {
        this.catalog = catalog;
        this.events = events;
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
        if (form.eventId() != null && events.find(form.eventId())
                .filter(e -> form.area() != null && e.area().equalsIgnoreCase(form.area().trim())).isEmpty()) {
            FormErrors.reject(errors, "eventId", "product.event.otherArea");
        }
        if (errors.hasErrors()) {
            return show(model);
        }
        catalog.add(form);
        return "redirect:/admin/products";
    }

    private String show(Model model) {
        List<PublicEvent> all = events.all();
        model.addAttribute("products", catalog.all());
        // The events a product may come from, by area: a product's event must be of the product's area.
        Map<String, List<PublicEvent>> byArea = all.stream()
                .collect(Collectors.groupingBy(PublicEvent::area, TreeMap::new, Collectors.toList()));
        model.addAttribute("eventsByArea", byArea);
        model.addAttribute("eventTitles", all.stream()
                .collect(Collectors.toMap(PublicEvent::id, PublicEvent::title)));
        return "products/products";
    }
}
