package org.kesra.platform.web.access;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access table of a service: every endpoint it serves, with the roles and scopes that may call it, read from
 * {@code access-rules/*.csv} on the classpath (the service's own file, plus one per library that brings endpoints).
 * The security chain allows exactly these rows and refuses everything else, so an endpoint added without a row is
 * unreachable; the authorisation matrix test fails the build on it and checks every row against every role.
 *
 * <p>Columns: {@code method,path,allowed,region,outside}; {@code allowed} lists realm roles and {@code scope:<name>}
 * client scopes separated by spaces; {@code region} and {@code outside} are explained at
 * {@link AccessRule.RegionParameter}; lines starting with {@code #} are comments.
 */
public final class AccessRules {

    public static final String LOCATION = "classpath*:access-rules/*.csv";
    private static final Set<String> COLUMNS = Set.of("method", "path", "allowed", "region", "outside");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).get();

    private final List<AccessRule> rules;

    private AccessRules(List<AccessRule> rules) {
        // Most specific first, so that /imports/columns is not decided by the rule of /imports/{id}.
        Comparator<AccessRule> specificity = Comparator.comparing(
                rule -> PathPatternParser.defaultInstance.parse(rule.pattern()), PathPattern.SPECIFICITY_COMPARATOR);
        this.rules = rules.stream().sorted(specificity).toList();
    }

    public static AccessRules load() {
        return load(new PathMatchingResourcePatternResolver());
    }

    public static AccessRules load(ResourcePatternResolver resolver) {
        List<AccessRule> rules = new ArrayList<>();
        try {
            for (Resource resource : resolver.getResources(LOCATION)) {
                try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    rules.addAll(parse(resource.getFilename(), reader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("access rules unreadable", e);
        }
        return of(rules);
    }

    static AccessRules of(List<AccessRule> rules) {
        Set<String> seen = new HashSet<>();
        for (AccessRule rule : rules) {
            if (!seen.add(rule.method() + " " + rule.pattern())) {
                throw new IllegalStateException(rule.source() + ": " + rule.method() + " " + rule.pattern()
                        + " has a second row; one row per endpoint");
            }
        }
        return new AccessRules(rules);
    }

    static List<AccessRule> parse(String file, Reader reader) throws IOException {
        List<AccessRule> rules = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(reader)) {
            if (!new HashSet<>(parser.getHeaderNames()).equals(COLUMNS)) {
                throw new IllegalStateException(file + ": columns must be " + COLUMNS + ", not " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                String source = file + ":" + parser.getCurrentLineNumber();
                String path = row.get("path");
                if (!path.startsWith("/")) {
                    throw new IllegalStateException(source + ": path must start with /: " + path);
                }
                Set<String> roles = new LinkedHashSet<>();
                Set<String> scopes = new LinkedHashSet<>();
                for (String allowed : row.get("allowed").trim().split("\\s+")) {
                    if (allowed.startsWith("scope:")) {
                        scopes.add(allowed.substring("scope:".length()));
                    } else if (!allowed.isEmpty()) {
                        roles.add(allowed);
                    }
                }
                if (roles.isEmpty() && scopes.isEmpty()) {
                    throw new IllegalStateException(source + ": nobody may call " + path + "; remove the endpoint instead");
                }
                String method = row.get("method").toUpperCase(java.util.Locale.ROOT);
                if (!METHODS.contains(method)) {
                    throw new IllegalStateException(source + ": method must be one of " + METHODS + ", not " + method);
                }
                String region = row.get("region");
                rules.add(new AccessRule(HttpMethod.valueOf(method), path, Set.copyOf(roles),
                        Set.copyOf(scopes),
                        region.isBlank() ? Optional.empty() : Optional.of(AccessRule.RegionParameter.parse(region, row.get("outside"), source)),
                        source));
            }
        }
        return rules;
    }

    /** The rows, most specific path first. */
    public List<AccessRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
