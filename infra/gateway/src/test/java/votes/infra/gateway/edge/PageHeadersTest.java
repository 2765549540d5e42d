package votes.infra.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageHeadersTest {

    @Test
    void theIssuersOriginAndOnlyItJoinsThisOriginInConnectSrc() {
        String policy = PageHeaders.forIssuer(Optional.of("http://127.0.0.1:38013/realms/votes")).contentSecurityPolicy();

        assertThat(policy).contains("connect-src 'self' http://127.0.0.1:38013;")
                .doesNotContain("/realms")
                .contains("script-src 'self';", "form-action 'self';", "default-src 'self';");
    }

    @Test
    void withoutAnIssuerThePagesConnectOnlyToThisOrigin() {
        assertThat(PageHeaders.forIssuer(Optional.empty()).contentSecurityPolicy())
                .isEqualTo(PageHeaders.CONTENT_SECURITY_POLICY).contains("connect-src 'self';");
        assertThat(PageHeaders.forIssuer(Optional.of(" ")).contentSecurityPolicy())
                .isEqualTo(PageHeaders.CONTENT_SECURITY_POLICY);
    }

    @Test
    void anIssuerThatIsNotAnAbsoluteUrlIsRefusedAtStart() {
        assertThatThrownBy(() -> PageHeaders.forIssuer(Optional.of("realms/votes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OIDC_ISSUER");
    }
}
