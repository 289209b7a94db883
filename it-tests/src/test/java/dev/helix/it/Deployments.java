package dev.helix.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The deployment under test: the real helix.ear the build produced, unchanged. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive helixEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("helix.it.ear", "target/helix.ear")));
    }
}
