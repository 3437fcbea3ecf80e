package lv.opengov.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Every message of both languages as a reader sees it, through the application's message source,
 * with sample arguments where it has placeholders and none where it has none (as a template's
 * {@code #{key}} asks for it): no MessageFormat quoting ({@code ''}) or placeholder left in the text,
 * and no apostrophe lost to it.
 */
@ReportingTest
class MessageBundleTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:\\s*,\\s*(\\w+))?");

    @Autowired
    MessageSource messages;

    @Test
    void everyMessageReadsCleanlyInBothLanguages() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_lv.properties")) {
            Properties bundle = load(file);
            Locale locale = file.contains("_lv") ? Locale.forLanguageTag("lv") : Locale.ENGLISH;
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                String raw = bundle.getProperty(key);
                Object[] args = sampleArguments(raw);
                String shown = messages.getMessage(key, args, locale);
                if (shown.contains("''") || shown.contains("{") || shown.contains("}")) {
                    problems.add(file + " " + key + ": " + shown);
                } else if (args != null && apostrophes(shown) != apostrophes(raw.replace("''", "'"))) {
                    problems.add(file + " " + key + " loses an apostrophe: " + shown);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A number for a choice or number placeholder, a word for any other; none without placeholders. */
    private static Object[] sampleArguments(String message) {
        Matcher matcher = PLACEHOLDER.matcher(message);
        List<Object> args = new ArrayList<>();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            while (args.size() <= index) {
                args.add(null);
            }
            boolean number = "choice".equals(matcher.group(2)) || "number".equals(matcher.group(2));
            if (args.get(index) == null || number) {
                args.set(index, number ? (Object) 2 : "sample");
            }
        }
        return args.isEmpty() ? null : args.toArray();
    }

    private static long apostrophes(String text) {
        return text.chars().filter(c -> c == '\'').count();
    }

    private static Properties load(String file) throws Exception {
        Properties bundle = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource("i18n/" + file).getInputStream(),
                StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        return bundle;
    }
}
