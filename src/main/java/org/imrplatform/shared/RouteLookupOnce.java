package org.imrplatform.shared;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.security.config.BeanIds;

/**
 * Lets each request be matched to its controller once. Whenever Spring MVC is present, Spring Security 6.5 puts MVC's
 * route cache filter in front of its filter chain: that filter looks up every request's controller, so that path
 * matchers asking MVC can reuse the answer, and the DispatcherServlet then looks it up again. Our matchers are path
 * patterns ({@link SecurityConfig#pathPatterns()}) and {@link UnknownAddress} makes its own lookup, so nothing reads
 * that cache; it was about a fifth of the work of a signed-in slide open (issue 13). Spring Security 7 drops the
 * filter; until then this takes it out of the chain's definition, before any bean is made.
 */
final class RouteLookupOnce implements BeanFactoryPostProcessor {

    private static final String ROUTE_CACHE_FILTER = "org.springframework.security.config.annotation.web.configuration"
            + ".WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        if (!beans.containsBeanDefinition(BeanIds.SPRING_SECURITY_FILTER_CHAIN)) {
            return;
        }
        withoutRouteCache(beans.getBeanDefinition(BeanIds.SPRING_SECURITY_FILTER_CHAIN));
    }

    /** The chain may be wrapped more than once (Security wraps it with a path filter too), in either order. */
    private static void withoutRouteCache(BeanDefinition composite) {
        ValueHolder filters = composite.getConstructorArgumentValues().getIndexedArgumentValue(0, ManagedList.class);
        if (filters != null && filters.getValue() instanceof ManagedList<?> list) {
            list.removeIf(filter -> filter instanceof BeanDefinition definition
                    && ROUTE_CACHE_FILTER.equals(definition.getBeanClassName()));
            list.forEach(filter -> {
                if (filter instanceof BeanDefinition definition) {
                    withoutRouteCache(definition);
                }
            });
        }
    }
}
