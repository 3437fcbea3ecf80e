package lv.opengov.reporting.system.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** The checks of values as the engine's REST API receives them, before the engine converts them. */
final class VariableValues {

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSZ")
            .withResolverStyle(ResolverStyle.STRICT);

    private VariableValues() {
    }

    /**
     * Whether the engine can take the value as the type it names: a form sends text, numbers, yes/no
     * and dates; a number that does not fit its type or a date that does not exist is refused here
     * with the field's name, not by the engine's conversion message.
     */
    static boolean readable(JsonNode variable) {
        if (!variable.isObject()) {
            return false;
        }
        JsonNode value = variable.path("value");
        String type = variable.path("type").asText("");
        if (value.isNull() || value.isMissingNode()) {
            return true;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "", "string" -> value.isValueNode();
            case "long" -> value.isIntegralNumber() && value.canConvertToLong()
                    || value.isTextual() && parses(() -> Long.parseLong(value.asText()));
            case "integer" -> value.isIntegralNumber() && value.canConvertToInt()
                    || value.isTextual() && parses(() -> Integer.parseInt(value.asText()));
            case "short" -> value.isIntegralNumber() && value.canConvertToInt()
                    && value.asInt() >= Short.MIN_VALUE && value.asInt() <= Short.MAX_VALUE;
            case "double" -> value.isNumber() || value.isTextual() && parses(() -> Double.parseDouble(value.asText()));
            case "boolean" -> value.isBoolean() || value.isTextual()
                    && ("true".equalsIgnoreCase(value.asText()) || "false".equalsIgnoreCase(value.asText()));
            case "date" -> value.isTextual() && parses(() -> OffsetDateTime.parse(value.asText(), ENGINE_DATE));
            case "null" -> true;
            default -> false;
        };
    }

    /** Whether a number of retries, as a number or as text, leaves at least one. */
    static boolean atLeastOne(JsonNode retries) {
        if (retries.isIntegralNumber()) {
            return retries.canConvertToLong() && retries.asLong() >= 1;
        }
        return retries.isTextual() && retries.asText().strip().matches("[1-9][0-9]{0,8}");
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
