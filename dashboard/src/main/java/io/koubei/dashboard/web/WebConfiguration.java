package io.koubei.dashboard.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Chinese first; {@code ?lang=en} switches to English and is remembered in a cookie. The API's generated sentences
 * follow {@code ?lang=}, then the cookie, then {@code Accept-Language}.
 */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("koubei-lang");
        r.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        // without a cookie or ?lang=: pages are Chinese first; the API follows Accept-Language (en or zh)
        r.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith("/api/")
                && request.getHeader("Accept-Language") != null
                && "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        r.setCookieMaxAge(Duration.ofDays(365));
        return r;
    }

    /**
     * Spring Boot registers {@link ResourceUrlEncodingFilter} whenever a resource chain is on (webjars-locator-lite on
     * the classpath turns it on). It makes every link a page renders ({@code @{…}}) look itself up as a static file in
     * the four static locations of the jar, and a miss is not cached: hundreds of jar lookups on a list page (about
     * half the CPU of the alerts page at 1M items, docs/performance.md "Pages at 1M items"). No link here is versioned
     * (the ECharts path names its version), so the filter never changed a link: registered, disabled.
     */
    @Bean
    public FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> r = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        r.setEnabled(false);
        return r;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor i = new LocaleChangeInterceptor();
        i.setParamName("lang");
        registry.addInterceptor(i);
    }
}
