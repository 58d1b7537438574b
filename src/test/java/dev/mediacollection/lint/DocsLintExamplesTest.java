package dev.mediacollection.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/lint.md tells the truth: every rule has its section with its severity, and each example session there breaks
 * exactly the rule it is written under ("Breaks"), or none at all ("Passes").
 */
class DocsLintExamplesTest {

    private static final Path PAGE = Path.of("docs", "lint.md");
    private static final Pattern SECTION = Pattern.compile("(?m)^### `([a-z-]+)` \\((error|warning)\\)$");
    private static final Pattern EXAMPLES = Pattern.compile("(?m)^- \\*\\*(Breaks|Passes)\\*\\*:(.*(?:\\n  .*)*)");
    private static final Pattern SCRIPT = Pattern.compile("`((?:sessionStart@|live |downloaded )[^`]+)`");

    /** Each rule's section: its severity, its breaking and passing sessions. */
    private record Section(String severity, List<String> breaks, List<String> passes) {
    }

    private static Map<String, Section> sections() throws IOException {
        String page = Files.readString(PAGE);
        Map<String, Section> sections = new LinkedHashMap<>();
        Matcher heading = SECTION.matcher(page);
        List<int[]> bounds = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        while (heading.find()) {
            bounds.add(new int[] { heading.end() });
            names.add(new String[] { heading.group(1), heading.group(2) });
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? page.lastIndexOf("###", page.indexOf("### `" + names.get(i + 1)[0]))
                    : page.length();
            String body = page.substring(bounds.get(i)[0], end);
            List<String> breaks = new ArrayList<>();
            List<String> passes = new ArrayList<>();
            Matcher examples = EXAMPLES.matcher(body);
            while (examples.find()) {
                Matcher script = SCRIPT.matcher(examples.group(2));
                while (script.find()) {
                    (examples.group(1).equals("Breaks") ? breaks : passes).add(script.group(1));
                }
            }
            sections.put(names.get(i)[0], new Section(names.get(i)[1], breaks, passes));
        }
        return sections;
    }

    @Test
    void everyRuleHasItsSectionWithItsSeverityAndExamples() throws IOException {
        Map<String, Section> sections = sections();

        assertThat(sections.keySet()).containsExactlyElementsOf(SessionLinter.ruleIds());
        sections.forEach((rule, section) -> {
            assertThat(section.severity()).as(rule)
                    .isEqualTo(SessionLinter.severityOf(rule).orElseThrow().name().toLowerCase(Locale.ROOT));
            assertThat(section.breaks()).as("%s breaks", rule).isNotEmpty();
            assertThat(section.passes()).as("%s passes", rule).isNotEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> eachExampleBreaksItsRuleOrNothing() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        sections().forEach((rule, section) -> {
            section.breaks().forEach(script -> tests.add(DynamicTest.dynamicTest(rule + " breaks: " + script,
                    () -> assertThat(Lint.rules(script)).as(script).isNotEmpty().containsOnly(rule))));
            section.passes().forEach(script -> tests.add(DynamicTest.dynamicTest(rule + " passes: " + script,
                    () -> assertThat(Lint.findings(script)).as(script).isEmpty())));
        });
        return tests.stream();
    }
}
