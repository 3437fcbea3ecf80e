package lv.opengov.reporting.system.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Latvian first: the language is the one chosen with {@code ?lang=en|lv} (kept in a cookie), else the
 * browser's or client's {@code Accept-Language} where it asks for Latvian or English, else Latvian.
 */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    static final Locale LATVIAN = Locale.forLanguageTag("lv");
    static final List<Locale> SUPPORTED = List.of(LATVIAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("reporting-lang");
        resolver.setDefaultLocaleFunction(WebConfig::preferredLocale);
        return resolver;
    }

    /** Latvian or English, as the request's {@code Accept-Language} asks; Latvian when it asks neither. */
    public static Locale preferredLocale(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return LATVIAN;
        }
        for (Locale wanted : java.util.Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return LATVIAN;
    }

    /**
     * A number or a boolean where the API expects text is a mistake of the caller, not text to store:
     * Jackson would otherwise turn {@code 1e400} into the string "1e400".
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictText() {
        return builder -> builder.postConfigurer(mapper -> {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
