package dev.mediacollection.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

/**
 * Every {@code mc.*} default is written once, in application.properties, and docs/configuration.md tells the same.
 */
class ConfigurationDefaultsTest {

    private static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    private static final Path DOCS = Path.of("docs", "configuration.md");
    // | `mc.limits.max-body-size` | `MC_LIMITS_MAX_BODY_SIZE` | `64K` | meaning |
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `(mc\\.[^`]+)` \\| `([^`]+)` \\| ([^|]+) \\|");

    /** Each setting of {@link CollectorConfig} by name, and whether it may be left unset ({@code Optional}). */
    private static final Map<String, Boolean> SETTINGS = settings(CollectorConfig.class, "mc");

    @Test
    void everySettingThatMustHaveAValueHasItsDefaultInApplicationPropertiesAndNowhereElse() throws IOException {
        Map<String, String> defaults = defaultsInApplicationProperties();

        assertThat(defaults.keySet()).containsExactlyInAnyOrderElementsOf(SETTINGS.entrySet().stream()
                .filter(setting -> !setting.getValue()).map(Map.Entry::getKey).toList());
        assertThat(methods(CollectorConfig.class)).noneMatch(method -> method.isAnnotationPresent(WithDefault.class));
    }

    @Test
    void theConfigurationPageListsEverySettingWithItsEnvironmentVariableAndDefault() throws IOException {
        Map<String, String> defaults = defaultsInApplicationProperties();
        Matcher rows = DOCUMENTED.matcher(Files.readString(DOCS));
        Map<String, String> documented = new TreeMap<>();
        while (rows.find()) {
            String name = rows.group(1);
            documented.put(name, rows.group(3).trim());
            assertThat(rows.group(2)).as("environment variable of %s", name)
                    .isEqualTo(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(SETTINGS.keySet());
        defaults.forEach((name, value) -> assertThat(documented.get(name)).as("documented default of %s", name)
                .isEqualTo("`" + value + "`"));
    }

    private static Map<String, String> defaultsInApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> defaults = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("mc."))
                .forEach(name -> defaults.put(name, properties.getProperty(name)));
        return defaults;
    }

    private static Map<String, Boolean> settings(Class<?> group, String prefix) {
        Map<String, Boolean> settings = new TreeMap<>();
        for (Method method : settingMethods(group)) {
            String name = prefix + "." + method.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            if (isGroup(method.getReturnType())) {
                settings.putAll(settings(method.getReturnType(), name));
            } else {
                settings.put(name, method.getReturnType() == Optional.class);
            }
        }
        return settings;
    }

    /** The setting methods of a group and of the groups within it. */
    private static Stream<Method> methods(Class<?> group) {
        return settingMethods(group).stream().flatMap(method -> isGroup(method.getReturnType())
                ? Stream.concat(Stream.of(method), methods(method.getReturnType()))
                : Stream.of(method));
    }

    private static List<Method> settingMethods(Class<?> group) {
        return Arrays.stream(group.getDeclaredMethods())
                .filter(method -> Modifier.isAbstract(method.getModifiers()))
                .toList();
    }

    private static boolean isGroup(Class<?> type) {
        return type.getName().startsWith(CollectorConfig.class.getName() + "$");
    }
}
