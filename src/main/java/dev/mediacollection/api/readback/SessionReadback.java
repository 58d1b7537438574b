package dev.mediacollection.api.readback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.generated.model.CloseCauseName;
import dev.mediacollection.generated.model.EventPage;
import dev.mediacollection.generated.model.FindingLevel;
import dev.mediacollection.generated.model.FindingPage;
import dev.mediacollection.generated.model.FindingSeverity;
import dev.mediacollection.generated.model.Metrics;
import dev.mediacollection.generated.model.PlayerFindingsList;
import dev.mediacollection.generated.model.ReceivedRequest;
import dev.mediacollection.generated.model.RuleFindings;
import dev.mediacollection.generated.model.SessionDetail;
import dev.mediacollection.generated.model.SessionFinding;
import dev.mediacollection.generated.model.SessionLevelFinding;
import dev.mediacollection.generated.model.SessionPage;
import dev.mediacollection.generated.model.SessionStateName;
import dev.mediacollection.generated.model.SessionSummary;
import dev.mediacollection.generated.model.UpstreamStatus;
import dev.mediacollection.generated.model.SessionTimeline;
import dev.mediacollection.generated.model.TimelineSpan;
import dev.mediacollection.lint.SessionLinter;
import dev.mediacollection.lint.Severity;
import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.metrics.PlaybackSpan;
import dev.mediacollection.metrics.PlaybackTimeline;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.store.EventQuery;
import dev.mediacollection.store.FindingQuery;
import dev.mediacollection.store.RelayLedger;
import dev.mediacollection.store.SessionRelay;
import dev.mediacollection.store.PlayerFindings;
import dev.mediacollection.store.SessionQuery;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.stream.upstream.UpstreamDestination;

/**
 * Sessions, their events, their metrics and their findings read back as the service keeps them: the inspection
 * extensions of the sessions, events and inspection resources, beyond Adobe's API.
 */
@ApplicationScoped
public class SessionReadback {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final SessionStore store;
    private final ObjectMapper mapper;
    /** Where the relay to an upstream keeps its standing with each session; empty while the relay is off. */
    private final Optional<RelayLedger> upstreamLedger;

    @Inject
    SessionReadback(SessionStore store, ObjectMapper mapper, CollectorConfig config) {
        this(store, mapper, config.relay().url().isPresent() ? store.relayLedger() : Optional.empty());
    }

    SessionReadback(SessionStore store, ObjectMapper mapper, Optional<RelayLedger> upstreamLedger) {
        this.store = store;
        this.mapper = mapper;
        this.upstreamLedger = upstreamLedger;
    }

    public CompletionStage<Response> listSessions(String state, String mediaId, String playerName,
            OffsetDateTime createdFrom, OffsetDateTime createdTo, Boolean hasFindings, Integer limit, String cursor) {
        SessionQuery query = new SessionQuery(
                Optional.ofNullable(state).map(name -> SessionState.valueOf(name.toUpperCase(Locale.ROOT))),
                Optional.ofNullable(mediaId), Optional.ofNullable(playerName),
                Optional.ofNullable(createdFrom).map(OffsetDateTime::toInstant),
                Optional.ofNullable(createdTo).map(OffsetDateTime::toInstant),
                Optional.ofNullable(hasFindings), Cursors.sessions(cursor), limit + 1);
        return store.list(query).thenApply(sessions -> {
            SessionPage page = new SessionPage().items(sessions.stream().limit(limit).map(this::summary).toList());
            if (sessions.size() > limit) {
                Session last = sessions.get(limit - 1).session();
                page.next(Cursors.of(new SessionQuery.Position(last.createdAt(), last.id())));
            }
            return Response.ok(page).build();
        });
    }

    public CompletionStage<Response> getSession(String sessionId) {
        return existing(sessionId).thenCompose(stored -> store.events(sessionId).thenCombine(
                store.sessionFindings(sessionId), (events, sessionFindings) -> {
            Session session = stored.session();
            Lifecycle lifecycle = session.lifecycle();
            SessionDetail detail = new SessionDetail()
                    .id(session.id())
                    .createdAt(time(session.createdAt()))
                    .state(state(lifecycle.state()))
                    .closedAt(time(lifecycle.closedAt()))
                    .closeCause(cause(lifecycle.closeCause()))
                    .lastEventAt(time(lifecycle.lastEventAt()))
                    .lastPlayhead(lifecycle.lastPlayhead())
                    .lastPlayheadChangeAt(time(lifecycle.lastPlayheadChangeAt()))
                    .eventCount(stored.eventCount())
                    .findingCount(stored.findings().count())
                    .findingRules(stored.findings().rules())
                    .sessionFindings(sessionFindings.stream().map(SessionReadback::sessionLevel).toList())
                    .start(request(new StoredEvent(0, session.start())))
                    .metrics(mapper.convertValue(MetricsCalculator.of(session, events), Metrics.class));
            return detail;
        }).thenCombine(upstream(sessionId), (detail, upstream) -> Response.ok(detail.upstream(upstream.orElse(null)))
                .build()));
    }

    private CompletionStage<Optional<UpstreamStatus>> upstream(String sessionId) {
        return upstreamLedger.map(ledger -> ledger.standing(UpstreamDestination.NAME, sessionId)
                .thenApply(standing -> standing.map(SessionReadback::upstreamStatus)))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
    }

    /** Settled for good, or else pending while anything of the session waits in the outbox. */
    static UpstreamStatus upstreamStatus(RelayLedger.RelayStanding standing) {
        Optional<SessionRelay> relay = standing.relay();
        SessionRelay.Outcome outcome = relay.map(SessionRelay::outcome).orElse(SessionRelay.Outcome.RELAYING);
        UpstreamStatus.StatusEnum status = switch (outcome) {
            case REFUSED -> UpstreamStatus.StatusEnum.REFUSED;
            case EXCLUDED -> UpstreamStatus.StatusEnum.EXCLUDED;
            case RELAYING -> standing.waiting() > 0 ? UpstreamStatus.StatusEnum.PENDING
                    : UpstreamStatus.StatusEnum.RELAYED;
        };
        return new UpstreamStatus()
                .status(status)
                .upstreamId(relay.flatMap(SessionRelay::remoteId).orElse(null))
                .attempts(relay.map(SessionRelay::attempts).orElse(0))
                .lastFailure(relay.flatMap(SessionRelay::lastFailure).orElse(null))
                .nextAttemptAt(time(relay.flatMap(SessionRelay::retryAt).orElse(null)))
                .detail(relay.flatMap(SessionRelay::detail).orElse(null));
    }

    public CompletionStage<Response> listPlayerFindings() {
        return store.findingsByPlayer().thenApply(players -> Response.ok(new PlayerFindingsList().items(players
                .stream().map(SessionReadback::playerFindings).toList())).build());
    }

    private static dev.mediacollection.generated.model.PlayerFindings playerFindings(PlayerFindings found) {
        return new dev.mediacollection.generated.model.PlayerFindings()
                .playerName(found.player().name())
                .sdkVersion(found.player().sdkVersion())
                .libraryVersion(found.player().libraryVersion())
                .sessions(found.sessions())
                .sessionsWithFindings(found.sessionsWithFindings())
                .rules(found.rules().stream().map(rule -> {
                    Optional<Severity> severity = SessionLinter.severityOf(rule.rule());
                    return new RuleFindings()
                            .rule(rule.rule())
                            .level(severity.isPresent() ? FindingLevel.SESSION : FindingLevel.REQUEST)
                            .severity(severity.map(SessionReadback::severity).orElse(null))
                            .findings(rule.findings())
                            .sessions(rule.sessions());
                }).toList());
    }

    private static SessionLevelFinding sessionLevel(Finding finding) {
        return new SessionLevelFinding()
                .rule(finding.rule())
                .severity(SessionLinter.severityOf(finding.rule()).map(SessionReadback::severity).orElse(null))
                .message(finding.message())
                .events(finding.events());
    }

    private static FindingSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> FindingSeverity.ERROR;
            case WARNING -> FindingSeverity.WARNING;
        };
    }

    public CompletionStage<Response> getTimeline(String sessionId) {
        return existing(sessionId).thenCompose(stored -> store.events(sessionId).thenApply(events -> {
            PlaybackTimeline timeline = MetricsCalculator.timeline(stored.session(), events);
            return Response.ok(new SessionTimeline()
                    ._final(timeline.isFinal())
                    .computedUpTo(timeline.computedUpTo())
                    .spans(timeline.spans().stream().map(SessionReadback::span).toList())).build();
        }));
    }

    private static TimelineSpan span(PlaybackSpan span) {
        return new TimelineSpan()
                .activity(TimelineSpan.ActivityEnum.fromValue(span.kind().name().toLowerCase(Locale.ROOT)))
                .fromTs(span.fromTs())
                .toTs(span.toTs())
                .fromPlayhead(span.fromPlayhead())
                .toPlayhead(span.toPlayhead());
    }

    public CompletionStage<Response> listEvents(String sessionId, String order, Integer limit, String cursor) {
        boolean byTs = "ts".equals(order);
        EventQuery query = new EventQuery(sessionId, byTs, Cursors.events(cursor, byTs), limit + 1);
        return existing(sessionId).thenCompose(stored -> store.events(query)).thenApply(events -> {
            EventPage page = new EventPage().items(events.stream().limit(limit).map(this::request).toList());
            if (events.size() > limit) {
                StoredEvent last = events.get(limit - 1);
                page.next(Cursors.of(new EventQuery.Position(last.event().ts(), last.sequence()), byTs));
            }
            return Response.ok(page).build();
        });
    }

    public CompletionStage<Response> listFindings(Integer limit, String cursor) {
        return store.findings(new FindingQuery(Cursors.findings(cursor), limit + 1)).thenApply(findings -> {
            FindingPage page = new FindingPage().items(findings.stream().limit(limit)
                    .map(SessionReadback::sessionFinding).toList());
            if (findings.size() > limit) {
                RecordedFinding last = findings.get(limit - 1);
                page.next(Cursors.of(new FindingQuery.Position(last.receivedAt(), last.sessionId(), last.sequence(),
                        last.ordinal())));
            }
            return Response.ok(page).build();
        });
    }

    private static SessionFinding sessionFinding(RecordedFinding recorded) {
        Finding finding = recorded.finding();
        return new SessionFinding()
                .sessionId(recorded.sessionId())
                .sequence(recorded.sequence())
                .eventType(recorded.eventType().wireName())
                .receivedAt(time(recorded.receivedAt()))
                .rule(finding.rule())
                .pointer(finding.pointer())
                .message(finding.message())
                .level(finding.sessionLevel() ? FindingLevel.SESSION : FindingLevel.REQUEST)
                .severity(finding.sessionLevel()
                        ? SessionLinter.severityOf(finding.rule()).map(SessionReadback::severity).orElse(null)
                        : null)
                .events(finding.sessionLevel() ? finding.events() : null);
    }

    private CompletionStage<StoredSession> existing(String sessionId) {
        if (!SessionIds.isWellFormed(sessionId)) {
            return CompletableFuture.failedFuture(unknown(sessionId));
        }
        return store.find(sessionId).thenApply(found -> found.orElseThrow(() -> unknown(sessionId)));
    }

    private static ProblemException unknown(String sessionId) {
        return new ProblemException(ProblemType.UNKNOWN_SESSION, "No session has the id " + sessionId + ".");
    }

    private SessionSummary summary(StoredSession stored) {
        Session session = stored.session();
        Lifecycle lifecycle = session.lifecycle();
        return new SessionSummary()
                .id(session.id())
                .createdAt(time(session.createdAt()))
                .state(state(lifecycle.state()))
                .mediaId(session.mediaId())
                .playerName(session.playerName())
                .lastEventAt(time(lifecycle.lastEventAt()))
                .closedAt(time(lifecycle.closedAt()))
                .closeCause(cause(lifecycle.closeCause()))
                .eventCount(stored.eventCount())
                .findingCount(stored.findings().count())
                .findingRules(stored.findings().rules());
    }

    private ReceivedRequest request(StoredEvent stored) {
        ReceivedEvent event = stored.event();
        try {
            return new ReceivedRequest()
                    .sequence(stored.sequence())
                    .eventType(event.type().wireName())
                    .playhead(event.playhead())
                    .ts(event.ts())
                    .receivedAt(time(event.receivedAt()))
                    .body(mapper.readValue(event.body(), JSON_OBJECT))
                    .findings(findings(event.findings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored body does not parse", e);
        }
    }

    private static List<dev.mediacollection.generated.model.Finding> findings(List<Finding> findings) {
        return findings.stream().map(finding -> new dev.mediacollection.generated.model.Finding()
                .rule(finding.rule())
                .pointer(finding.pointer())
                .message(finding.message())).toList();
    }

    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static SessionStateName state(SessionState state) {
        return SessionStateName.fromValue(state.name().toLowerCase(Locale.ROOT));
    }

    private static CloseCauseName cause(CloseCause cause) {
        if (cause == null) {
            return null;
        }
        return switch (cause) {
            case SESSION_END -> CloseCauseName.SESSION_END;
            case IDLE -> CloseCauseName.IDLE;
            case STALLED -> CloseCauseName.STALLED;
            case DOWNLOADED -> CloseCauseName.DOWNLOADED;
        };
    }
}
