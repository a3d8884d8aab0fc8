package org.imrplatform.shared;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The interface speaks English and Spanish (the center serves Puerto Rico). The browser's preference decides until
 * the person picks a language with {@code ?lang=}, which is then remembered in a cookie.
 */
@Configuration
class LanguageConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    /**
     * Resolves only to a language the interface speaks: a cookie that is no language, or names another one (edited
     * by hand or by an attacker), falls back to the browser's choice, so everything downstream (pages, the visitors'
     * page cache) sees English or Spanish.
     */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("imr-lang") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Locale chosen = Locale.forLanguageTag(super.resolveLocale(request).getLanguage());
                return SUPPORTED.contains(chosen) ? chosen : browserChoice(request);
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setRejectInvalidCookies(false);
        resolver.setDefaultLocaleFunction(LanguageConfig::browserChoice);
        return resolver;
    }

    private static Locale browserChoice(HttpServletRequest request) {
        return Collections.list(request.getLocales()).stream()
                .map(locale -> Locale.forLanguageTag(locale.getLanguage()))
                .filter(SUPPORTED::contains).findFirst().orElse(Locale.ENGLISH);
    }

    /** Only a supported language is taken from {@code ?lang=}; anything else is ignored. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleResolver resolver = localeResolver();
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(lang)).findFirst()
                        .ifPresent(locale -> resolver.setLocale(request, response, locale));
                return true;
            }
        });
    }
}
