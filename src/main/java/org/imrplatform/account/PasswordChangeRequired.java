package org.imrplatform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An account whose password was generated (the first administrator's, printed once) opens nothing but the page that
 * replaces it. The mark travels in the session, so this costs no database read per request.
 */
@Configuration
class PasswordChangeRequired implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(PasswordChangeController.PATH, "/static/**", "/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof SignedInAccount me && me.mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PasswordChangeController.PATH);
            return false;
        }
        return true;
    }
}
