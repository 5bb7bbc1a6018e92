package nutriplan.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where a WebJar's files sit on the classpath; the version is read from the jar itself, so it is pinned only in the pom. */
public final class WebJars {

    private WebJars() {
    }

    /**
     * The folder of the WebJar's files, without a leading slash and with a trailing one, such as
     * {@code META-INF/resources/webjars/chart.js/4.5.1/}.
     *
     * @throws IllegalStateException when the WebJar is not on the classpath
     */
    public static String root(String groupId, String artifactId) {
        var name = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        var properties = new Properties();
        try (InputStream in = WebJars.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath; the " + groupId + ":" + artifactId
                        + " dependency brings it. Maybe the jar was built without it?");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return "META-INF/resources/webjars/" + artifactId + "/" + properties.getProperty("version") + "/";
    }
}
