package lv.opengov.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import lv.opengov.reporting.cycle.ReportingCycleProcess;
import lv.opengov.reporting.refresh.PlanRefreshProcess;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * One module owns each process: every bean that an expression of a process's model names (a
 * delegate, a listener, a timer's date, a condition, a multi-instance collection, a called process's
 * business key or variable mapping) belongs to the module of that process. A model that reaches into
 * another module's beans fails here. Names that are no bean (the engine's {@code execution},
 * {@code task}, process variables) are not checked.
 */
@ReportingTest
class ProcessModelBeansTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BASE_PACKAGE = ReportingApplication.class.getPackageName() + ".";

    /** The module that owns each process of bpmn/. */
    private static final Map<String, String> OWNERS = Map.of(
            ReportingCycleProcess.KEY, "cycle",
            MeasureReportProcess.KEY, "report",
            PlanRefreshProcess.KEY, "refresh");

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    /** A name that starts a term: not a property or method after a dot. */
    private static final Pattern ROOT_NAME = Pattern.compile("(?<![\\w.$])([A-Za-z_$][\\w$]*)");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
            "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> everyBeanAModelNamesBelongsToTheModuleOwningItsProcess() throws Exception {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn");
        assertThat(models).as("the models in bpmn/").hasSizeGreaterThanOrEqualTo(OWNERS.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Resource model : models) {
            org.w3c.dom.Document document;
            try (InputStream in = model.getInputStream()) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                document = factory.newDocumentBuilder().parse(in);
            }
            var processes = document.getElementsByTagNameNS(BPMN, "process");
            for (int i = 0; i < processes.getLength(); i++) {
                Element process = (Element) processes.item(i);
                String key = process.getAttribute("id");
                String owner = OWNERS.get(key);
                tests.add(DynamicTest.dynamicTest(model.getFilename() + ": " + key + " has an owning module",
                        () -> assertThat(owner).as("the module owning %s (add it to OWNERS)", key).isNotNull()));
                Set<String> beans = new LinkedHashSet<>();
                for (String expression : expressions(process)) {
                    for (String name : rootNames(expression)) {
                        if (context.containsBean(name)) {
                            beans.add(name);
                            tests.add(DynamicTest.dynamicTest(key + ": " + expression + " names " + name,
                                    () -> assertThat(moduleOf(name)).as("the module of the bean %s, named by %s in %s",
                                            name, expression, key).isEqualTo(owner)));
                        }
                    }
                }
                tests.add(DynamicTest.dynamicTest(key + " names beans", () -> assertThat(beans).isNotEmpty()));
            }
        }
        return tests.stream();
    }

    private String moduleOf(String beanName) {
        String packageName = AopUtils.getTargetClass(context.getBean(beanName)).getPackageName();
        if (!packageName.startsWith(BASE_PACKAGE)) {
            return packageName;
        }
        String module = packageName.substring(BASE_PACKAGE.length());
        int dot = module.indexOf('.');
        return dot < 0 ? module : module.substring(0, dot);
    }

    /** Every expression in the attributes and texts of the element and its descendants. */
    private static List<String> expressions(Element root) {
        List<String> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<String> found) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            find(node.getNodeValue(), found);
            return;
        }
        NamedNodeMap attributes = node.getAttributes();
        if (attributes != null) {
            for (int i = 0; i < attributes.getLength(); i++) {
                find(attributes.item(i).getNodeValue(), found);
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, found);
        }
    }

    private static void find(String text, List<String> found) {
        Matcher matcher = EXPRESSION.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
    }

    private static Set<String> rootNames(String expression) {
        String body = STRING_LITERAL.matcher(expression.substring(2, expression.length() - 1)).replaceAll("''");
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = ROOT_NAME.matcher(body);
        while (matcher.find()) {
            if (!EL_WORDS.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
