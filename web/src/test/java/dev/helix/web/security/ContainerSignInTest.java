package dev.helix.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerSignInTest {

    @Test
    void theSameCallerWithTheSameRolesHasOneKeyWhateverTheOrderOfItsRoles() {
        assertEquals(ContainerSignIn.cacheKey("ada", Set.of("operator", "viewer")),
                ContainerSignIn.cacheKey("ada", Set.of("viewer", "operator")));
    }

    @Test
    void anotherRoleSetOrAnotherUserIsAnotherSubject() {
        String ada = ContainerSignIn.cacheKey("ada", Set.of("viewer"));
        assertNotEquals(ada, ContainerSignIn.cacheKey("ada", Set.of("viewer", "admin")), "a promotion takes effect at once");
        assertNotEquals(ada, ContainerSignIn.cacheKey("ada", Set.of()), "so does losing every role");
        assertNotEquals(ada, ContainerSignIn.cacheKey("bob", Set.of("viewer")));
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        assertNotEquals(ContainerSignIn.cacheKey("ad", Set.of("aviewer")), ContainerSignIn.cacheKey("ada", Set.of("viewer")));
        assertNotEquals(ContainerSignIn.cacheKey("a", Set.of("b", "c")), ContainerSignIn.cacheKey("a", Set.of("bc")));
    }
}
