package dev.collectflow.kpi;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** KPI reports as CSV when asked for with {@code Accept: text/csv}. */
@Configuration(proxyBeanMethods = false)
class KpiWebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new CsvReportConverter());
    }
}
