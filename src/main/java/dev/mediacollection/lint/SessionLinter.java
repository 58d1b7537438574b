package dev.mediacollection.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a whole session against the ordering and pacing rules Adobe states for the Media Collection API
 * (docs/lint.md): mistakes each request on its own could not show. A pure function of the session: the same events
 * and close give the same findings, whatever order they arrived in and however often it runs, so a session's
 * findings can be recomputed and replaced whenever it changes.
 */
public final class SessionLinter {

    /** Every rule, in the order of docs/lint.md. */
    private static final List<Rule> RULES = List.of(
            new EqualTs(), new ArrivedOutOfOrder(), new ArrivedAfterReorderWindow(), new TsBeforeSessionStart(),
            new PingGap(), new AdPingGap(),
            new EventAfterSessionComplete(), new SessionNotEnded(), new SessionStalledTimeout(),
            new AdStartOutsideBreak(), new AdCloseWithoutAd(), new AdNotClosed(), new AdBreakStartWhileOpen(),
            new AdBreakCompleteWithoutStart(), new AdBreakNotCompleted(), new PlaybackInBreakOutsideAd(),
            new NoPlayAfterAdBreak(), new PlayBeforePreroll(), new AdPodPositionOrder(), new PlayheadMovesDuringAd(),
            new ChapterStartWhileOpen(), new ChapterCloseWithoutStart(),
            new BufferStartWhileBuffering(), new PlayheadAdvancesWithoutPlay(), PlayheadNotAdvancing.recorded(),
            PlayheadNotAdvancing.live(), new LivePlayheadNotTimeOfDay(), new PlayheadOutOfRange(),
            new StateStartWhileActive(), new StateEndWithoutStart(), new StateLimitExceeded(),
            new TimeToStartChanged(), new DroppedFramesDecreased(), new BitrateChangeWithoutBitrate(),
            new DownloadedOutOfOrder(), new DownloadedNotEnded(), new DownloadedTimeoutGap(),
            new PlayerNamePlaceholder(), new ResumeFlagMissing());

    private static final Map<String, Severity> SEVERITIES = RULES.stream()
            .collect(Collectors.toUnmodifiableMap(Rule::id, Rule::severity));

    private static final Comparator<LintFinding> BY_FIRST_EVENT = Comparator
            .comparing((LintFinding finding) -> finding.events().isEmpty() ? 0L : finding.events().get(0))
            .thenComparing(LintFinding::rule);

    private final LintSettings settings;
    private final List<Rule> enabled;

    /** @throws IllegalArgumentException if a disabled rule is not a rule: a misspelt id would silence nothing */
    public SessionLinter(LintSettings settings) {
        List<String> unknown = settings.disabledRules().stream().filter(id -> !SEVERITIES.containsKey(id)).sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Not a lint rule: " + String.join(", ", unknown) + " (the rules: "
                    + String.join(", ", ruleIds()) + ")");
        }
        this.settings = settings;
        this.enabled = RULES.stream().filter(rule -> !settings.disabledRules().contains(rule.id())).toList();
    }

    /** The ids of every rule, in the order of docs/lint.md. */
    public static List<String> ruleIds() {
        return RULES.stream().map(Rule::id).toList();
    }

    /** A rule's severity, by its id; empty for an id that names no session-level rule. */
    public static Optional<Severity> severityOf(String ruleId) {
        return Optional.ofNullable(SEVERITIES.get(ruleId));
    }

    /** Every finding of the session, ordered by the first event each involves, then by rule. */
    public List<LintFinding> lint(LintSession session) {
        Walk walk = new Walk(session, settings);
        List<LintFinding> all = new ArrayList<>();
        for (Rule rule : enabled) {
            Findings findings = new Findings(rule);
            rule.check(walk, findings);
            all.addAll(findings.all());
        }
        all.sort(BY_FIRST_EVENT);
        return all;
    }
}
