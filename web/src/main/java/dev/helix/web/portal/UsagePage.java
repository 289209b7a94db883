package dev.helix.web.portal;

import dev.helix.metering.model.UsageGrouping;
import dev.helix.metering.model.UsageSum;
import dev.helix.metering.service.UsageMeter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The usage page: the model usage of every path (the gateway's calls and the agents' own) over the last days, as
 * tokens per day and per model, user and API key, with the sums behind each chart and their CSV export. The range
 * comes from the address ({@code ?days=30}), so a view can be bookmarked.
 */
@Named
@RequestScoped
public class UsagePage {

    /** The ranges offered, in days. */
    static final List<Integer> RANGES = List.of(1, 7, 30, 90);
    private static final int DEFAULT_DAYS = 7;
    /** The most bars a chart draws; the table lists every group. */
    private static final int MOST_BARS = 10;
    private static final String NO_GROUP = "(none)";

    @Inject
    UsageMeter meter;

    @Inject
    FacesContext faces;

    private int days = DEFAULT_DAYS;
    private Instant to;
    private final Map<UsageGrouping, List<UsageSum>> sums = new EnumMap<>(UsageGrouping.class);

    /** Opens the range the address names; anything but an offered range shows the default. */
    public void open() {
        String asked = faces.getExternalContext().getRequestParameterMap().get("days");
        if (asked != null && RANGES.stream().map(String::valueOf).anyMatch(asked.strip()::equals)) {
            days = Integer.parseInt(asked.strip());
        }
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = RANGES.contains(days) ? days : DEFAULT_DAYS;
    }

    public List<Integer> getRanges() {
        return RANGES;
    }

    /** Shows the chosen range at an address of its own. */
    public String show() {
        return "/usage.xhtml?faces-redirect=true&days=" + days;
    }

    public Instant getFrom() {
        return getTo().minus(Duration.ofDays(days));
    }

    public Instant getTo() {
        if (to == null) {
            to = Instant.now();
        }
        return to;
    }

    public List<UsageSum> getByDay() {
        return sums(UsageGrouping.DAY);
    }

    public List<UsageSum> getByModel() {
        return sums(UsageGrouping.MODEL);
    }

    public List<UsageSum> getByUser() {
        return sums(UsageGrouping.USER);
    }

    public List<UsageSum> getByKey() {
        return sums(UsageGrouping.KEY);
    }

    /** Whether any call was metered in the range. */
    public boolean isNoCalls() {
        return getByDay().isEmpty();
    }

    /** Tokens per day (UTC), every day of the range, the days without calls at zero. */
    public String getDayChart() {
        Map<String, Long> tokens = getByDay().stream().collect(Collectors.toMap(UsageSum::group, UsageSum::totalTokens));
        List<String> labels = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(getFrom(), ZoneOffset.UTC); !day.isAfter(LocalDate.ofInstant(getTo(), ZoneOffset.UTC));
             day = day.plusDays(1)) {
            labels.add(day.toString());
        }
        return new LineChart(labels).line("tokens", labels.stream().map(d -> (double) tokens.getOrDefault(d, 0L)).toList(),
                "#2f6fde", false).json();
    }

    public String getModelChart() {
        return bars(getByModel(), "#2b8a3e");
    }

    public String getUserChart() {
        return bars(getByUser(), "#862e9c");
    }

    public String getKeyChart() {
        return bars(getByKey(), "#e67700");
    }

    /** The address of a grouping's CSV export over the page's range. */
    public String csv(String grouping) {
        return "/api/v1/usage?format=csv&groupBy=" + grouping.toLowerCase(Locale.ROOT) + "&from=" + getFrom() + "&to=" + getTo();
    }

    /** A group's name as the page shows it: calls without a key or a project are "(none)". */
    public String name(UsageSum sum) {
        return sum.group() == null ? NO_GROUP : sum.group();
    }

    private String bars(List<UsageSum> groups, String colour) {
        List<UsageSum> largest = groups.stream().sorted(Comparator.comparingLong(UsageSum::totalTokens).reversed())
                .limit(MOST_BARS).toList();
        return new BarChart(largest.stream().map(this::name).toList(), "tokens", largest.stream().map(UsageSum::totalTokens).toList(),
                colour).json();
    }

    private List<UsageSum> sums(UsageGrouping grouping) {
        return sums.computeIfAbsent(grouping, g -> meter.sums(getFrom(), getTo(), g));
    }
}
