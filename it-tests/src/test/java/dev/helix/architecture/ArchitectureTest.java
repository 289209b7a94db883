package dev.helix.architecture;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled classes of every module: the edges ({@code web}, {@code jms},
 * {@code batch-jobs}) point down to the business tier and reach a context only through its model, services and
 * ports; every business class sits in a package of the vocabulary ({@code model}, {@code service}, {@code port},
 * {@code inbound}, {@code outbound}, {@code internal}); and a context's inbound, outbound and internal classes are
 * its own, and no query reads another context's entity.
 */
class ArchitectureTest {

    private static final String EDGES_REGEX = "dev\\.helix\\.(web|messaging|batch)(\\..*)?";
    private static final Pattern CONTEXT_PACKAGE =
            Pattern.compile("dev\\.helix\\.(?!web\\b|messaging\\b|batch\\b)(\\w+)(?:\\.(\\w+)(\\..*)?)?");
    private static final List<String> VOCABULARY = List.of("model", "service", "port", "inbound", "outbound", "internal");
    private static final List<String> SHARED_VOCABULARY = List.of("model", "error");
    /** A string literal in Java source. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");
    /** In a query's text: an entity after FROM, JOIN or UPDATE, or after a comma as a further range ("A a, B b"). */
    private static final Pattern ENTITY_IN_QUERY =
            Pattern.compile("\\b(?:FROM|JOIN|UPDATE)\\s+([A-Z]\\w*)|,\\s*([A-Z]\\w*)\\s+[a-z]\\w*\\b");
    /** In code: an entity manager call given an entity class. */
    private static final Pattern ENTITY_CLASS_CALL = Pattern.compile("\\b(?:find|getReference)\\(([A-Z]\\w*)\\.class");
    /** Container services a model does without: EJB, CDI, injection, JMS, Batch, transactions, configuration. */
    private static final String CONTAINER_PACKAGES =
            "jakarta\\.(ejb|inject|enterprise|jms|batch|annotation|transaction)(\\..*)?|org\\.eclipse\\.microprofile\\..*";
    private static final List<String> PUBLIC_ROLES = List.of("model", "service", "port", "error");

    private static JavaClasses helix;

    @BeforeAll
    static void importModules() {
        List<Path> modules = Stream.of("ejb", "jms", "batch-jobs", "web")
                .map(module -> Path.of(System.getProperty("helix.modules", ".."), module, "target", "classes"))
                .toList();
        for (Path classes : modules) {
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(classes + " is missing: build the modules first (mvn install)");
            }
        }
        helix = new ClassFileImporter().importPaths(modules);
    }

    @Test
    void theBusinessTierKnowsNoEdge() {
        noClasses().that(inABusinessContext()).should().dependOnClassesThat(inAnEdge()).check(helix);
    }

    @Test
    void edgesReachAContextOnlyThroughItsModelServicesAndPorts() {
        classes().that(inAnEdge()).should(dependOnContextsOnlyThrough(PUBLIC_ROLES)).check(helix);
    }

    @Test
    void everyBusinessClassSitsInAPackageOfTheVocabulary() {
        classes().that(inABusinessContext()).should(sitInTheVocabulary()).check(helix);
    }

    @Test
    void aModelNeedsNoContainerAndNoService() {
        noClasses().that(inRole("model")).should().dependOnClassesThat(aContainerApi())
                .orShould().dependOnClassesThat(inRole("service", "inbound", "outbound", "internal"))
                .check(helix);
    }

    @Test
    void theBusinessTierUsesNoMessagingOrBatchApi() {
        noClasses().that(inABusinessContext()).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.jms..", "jakarta.batch..").check(helix);
    }

    @Test
    void startUpBeansAndScheduledTimersAreInbound() {
        classes().that(inABusinessContext()).and().areAnnotatedWith("jakarta.ejb.Startup").should(beInRole("inbound"))
                .check(helix);
        classes().that(inABusinessContext()).and(haveAScheduledMethod()).should(beInRole("inbound")).check(helix);
    }

    @Test
    void portsAreInterfaces() {
        classes().that(inRole("port")).and().areTopLevelClasses().should().beInterfaces().check(helix);
    }

    @Test
    void internalClassesServeTheirContextAndDoNotCallBackIntoIt() {
        classes().that(inRole("internal")).should(notCallBackIntoTheirContext()).check(helix);
    }

    @Test
    void onlyTheContainerCallsInboundClasses() {
        noClasses().that(inRole("inbound").negate()).should().dependOnClassesThat(inRole("inbound")).check(helix);
    }

    @Test
    void noQueryNamesAnotherContextsEntity() throws IOException {
        Map<String, String> entities = entityContexts();
        Path sources = Path.of(System.getProperty("helix.modules", ".."), "ejb", "src", "main", "java");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String context = sources.relativize(file).getName(2).toString();
                for (String entity : entitiesNamedIn(Files.readString(file))) {
                    if (entities.containsKey(entity) && !entities.get(entity).equals(context)) {
                        violations.add(file.getFileName() + " (" + context + ") reads " + entity + " of "
                                + entities.get(entity));
                    }
                }
            }
        }
        assertTrue(entities.size() > 20, "the entities were not found: " + entities);
        assertEquals(List.of(), violations, "a context reads another context's data only through its services");
    }

    @Test
    void aContextsInboundOutboundAndInternalClassesAreItsOwn() {
        classes().that(inRole("inbound", "outbound", "internal"))
                .should(beUsedOnlyInsideTheirContext()).check(helix);
    }

    /** Container services and their annotations; an EJB calendar expression is a plain value and may be built. */
    private static DescribedPredicate<JavaClass> aContainerApi() {
        return DescribedPredicate.describe("a container API (EJB, CDI, injection, JMS, Batch, transactions, configuration, the entity manager)",
                javaClass -> javaClass.getPackageName().matches(CONTAINER_PACKAGES)
                        && !javaClass.getName().equals("jakarta.ejb.ScheduleExpression")
                        || javaClass.getName().matches("jakarta\\.persistence\\.(EntityManager|PersistenceContext)"));
    }

    private static ArchCondition<JavaClass> notCallBackIntoTheirContext() {
        return new ArchCondition<>("not depend on their own context's services or inbound classes") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (context(javaClass).equals(context(target)) && List.of("service", "inbound").contains(role(target))) {
                        events.add(violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The capitalised names a source's queries range over, and the classes it finds entities by. */
    private static List<String> entitiesNamedIn(String source) {
        List<String> named = new ArrayList<>();
        Matcher literal = STRING_LITERAL.matcher(source);
        while (literal.find()) {
            Matcher query = ENTITY_IN_QUERY.matcher(literal.group(1));
            boolean isQuery = literal.group(1).matches(".*\\b(FROM|JOIN|UPDATE)\\b.*");
            while (isQuery && query.find()) {
                named.add(query.group(1) != null ? query.group(1) : query.group(2));
            }
        }
        Matcher call = ENTITY_CLASS_CALL.matcher(source);
        while (call.find()) {
            named.add(call.group(1));
        }
        return named;
    }

    private static DescribedPredicate<JavaClass> haveAScheduledMethod() {
        return DescribedPredicate.describe("have a method run by an EJB calendar schedule",
                javaClass -> javaClass.getMethods().stream().anyMatch(method -> method.isAnnotatedWith("jakarta.ejb.Schedule")));
    }

    private static ArchCondition<JavaClass> beInRole(String wanted) {
        return new ArchCondition<>("sit in their context's " + wanted + " package") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (!wanted.equals(role(javaClass))) {
                    events.add(violated(javaClass, javaClass.getName() + " is not in an " + wanted + " package"));
                }
            }
        };
    }

    /** The entities of every context by name, from the compiled classes. */
    private static Map<String, String> entityContexts() {
        Map<String, String> contexts = new HashMap<>();
        helix.stream().filter(javaClass -> javaClass.isAnnotatedWith("jakarta.persistence.Entity"))
                .forEach(entity -> contexts.put(entity.getSimpleName(), context(entity)));
        return contexts;
    }

    private static DescribedPredicate<JavaClass> inAnEdge() {
        return DescribedPredicate.describe("in an edge module (web, messaging, batch)",
                javaClass -> javaClass.getPackageName().matches(EDGES_REGEX));
    }

    private static DescribedPredicate<JavaClass> inABusinessContext() {
        return DescribedPredicate.describe("in a business context",
                javaClass -> CONTEXT_PACKAGE.matcher(javaClass.getPackageName()).matches());
    }

    private static DescribedPredicate<JavaClass> inRole(String... roles) {
        List<String> wanted = List.of(roles);
        return DescribedPredicate.describe("in a context's " + String.join(" or ", roles) + " package",
                javaClass -> role(javaClass) != null && wanted.contains(role(javaClass)));
    }

    /** The context a business class belongs to, or null outside the business tier. */
    private static String context(JavaClass javaClass) {
        Matcher matcher = CONTEXT_PACKAGE.matcher(javaClass.getPackageName());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The package's role in the vocabulary (model, service...), or null outside the business tier. */
    private static String role(JavaClass javaClass) {
        Matcher matcher = CONTEXT_PACKAGE.matcher(javaClass.getPackageName());
        return matcher.matches() ? matcher.group(2) : null;
    }

    private static ArchCondition<JavaClass> sitInTheVocabulary() {
        return new ArchCondition<>("sit in model, service, port, inbound, outbound or internal "
                + "(shared: model or error)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<String> allowed = "shared".equals(context(javaClass)) ? SHARED_VOCABULARY : VOCABULARY;
                if (role(javaClass) == null || !allowed.contains(role(javaClass))) {
                    events.add(violated(javaClass, javaClass.getName() + " sits in " + javaClass.getPackageName()
                            + ", whose role is not one of " + allowed));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnContextsOnlyThrough(List<String> roles) {
        return new ArchCondition<>("depend on a business context only through its " + String.join(", ", roles)) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (context(target) != null && (role(target) == null || !roles.contains(role(target)))) {
                        events.add(violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirContext() {
        return new ArchCondition<>("be used only by classes of their own context") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (Dependency dependency : javaClass.getDirectDependenciesToSelf()) {
                    String origin = context(dependency.getOriginClass());
                    if (!context(javaClass).equals(origin)) {
                        events.add(violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
