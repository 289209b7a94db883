package dev.helix.sso.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.helix.secrets.service.SecretVault;
import dev.helix.shared.error.NotFoundException;
import dev.helix.sso.model.FederatedIdentity;
import dev.helix.sso.model.IdentityProviderUnavailableException;
import dev.helix.sso.model.PendingSignIn;
import dev.helix.sso.model.RealmRoles;
import dev.helix.sso.model.SignInRefusedException;
import dev.helix.sso.model.SsoConfiguration;
import dev.helix.sso.model.SsoSession;
import dev.helix.sso.model.TokenExpiredException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Helix's side of OpenID Connect with a Keycloak realm: verifies bearer access tokens (MicroProfile JWT) against
 * the realm's signing keys, and runs the portal's authorization code flow with PKCE. It reads the realm's endpoints
 * from its discovery document on first use and keeps them, with the signing keys (refreshed when a new key id
 * appears). Its client secret comes from the secret vault ({@value #CLIENT_SECRET}), else from
 * {@code helix.oidc.client-secret}.
 */
@ApplicationScoped
public class OpenIdProvider {

    /** The name of the client secret in the secret vault. */
    public static final String CLIENT_SECRET = "oidc.client-secret";
    private static final int TIMEOUT_MILLIS = 5000;
    /** Asymmetric signatures only: a token signed with a shared secret (HS256) is never accepted. */
    private static final Set<JWSAlgorithm> SIGNATURES = new HashSet<>(JWSAlgorithm.Family.SIGNATURE);

    @Inject
    @ConfigProperty(name = "helix.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "helix.oidc.client-id", defaultValue = "helix")
    String clientId;

    @Inject
    @ConfigProperty(name = "helix.oidc.role-prefix", defaultValue = "helix-")
    String rolePrefix;

    @Inject
    @ConfigProperty(name = "helix.oidc.client-secret")
    Optional<String> configuredSecret;

    @Inject
    SecretVault vault;

    private SsoConfiguration configuration;
    private volatile Realm realm;

    /** The realm as discovered: its metadata, and verifiers that share its signing keys. */
    private record Realm(OIDCProviderMetadata metadata, DefaultJWTProcessor<SecurityContext> accessTokens,
                         IDTokenValidator idTokens) {
    }

    @PostConstruct
    void configure() {
        configuration = new SsoConfiguration(issuer.filter(i -> !i.isBlank()).map(URI::create), clientId,
                new RealmRoles(rolePrefix));
    }

    public SsoConfiguration configuration() {
        return configuration;
    }

    public boolean enabled() {
        return configuration().enabled();
    }

    /**
     * Who a bearer access token stands for, once its signature (by one of the realm's keys), issuer, audience (this
     * client) and expiry hold.
     *
     * @throws TokenExpiredException when it has expired
     * @throws SignInRefusedException when it is not a valid access token of the realm for Helix
     * @throws IdentityProviderUnavailableException when the realm's keys cannot be fetched
     */
    public FederatedIdentity verifyAccessToken(String token) {
        JWTClaimsSet claims;
        try {
            claims = realm().accessTokens().process(token, null);
        } catch (ExpiredJWTException e) {
            throw new TokenExpiredException();
        } catch (RemoteKeySourceException e) {
            throw unavailable("cannot fetch the realm's signing keys", e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new SignInRefusedException("the bearer token is not a valid access token of the realm for this client: "
                    + e.getMessage());
        }
        if ("ID".equals(claims.getClaim("typ"))) {
            throw new SignInRefusedException("an ID token is not an access token: send the access token");
        }
        return FederatedIdentity.fromClaims(claims, configuration.realmRoles());
    }

    /** Starts a portal sign-in: where to send the browser, and what to keep in its session until it comes back. */
    public PendingSignIn beginSignIn(URI redirectUri, String next) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(OIDCScopeValue.OPENID, OIDCScopeValue.PROFILE), new ClientID(clientId), redirectUri)
                .endpointURI(realm().metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        return new PendingSignIn(state.getValue(), nonce.getValue(), verifier.getValue(), redirectUri, next, authorization);
    }

    /**
     * Finishes a portal sign-in: redeems the authorization code (with the client secret and the PKCE verifier),
     * checks the ID token against the nonce of this browser's sign-in and reads who signed in from the access token.
     */
    public SsoSession completeSignIn(PendingSignIn pending, String code) {
        Realm current = realm();
        TokenRequest request = new TokenRequest(current.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), pending.redirectUri(),
                        new CodeVerifier(pending.codeVerifier())));
        OIDCTokenResponse tokens = (OIDCTokenResponse) send(request, "redeem the authorization code");
        try {
            current.idTokens().validate(tokens.getOIDCTokens().getIDToken(), new Nonce(pending.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            throw new SignInRefusedException("the ID token is not valid for this sign-in: " + e.getMessage());
        }
        FederatedIdentity identity = verifyAccessToken(tokens.getOIDCTokens().getAccessToken().getValue());
        return new SsoSession(identity, tokens.getOIDCTokens().getIDTokenString());
    }

    /**
     * An access token for Helix itself, as its client's service account (client credentials grant), for Helix's own
     * calls to the identity provider's admin API.
     */
    public String serviceAccountToken() {
        TokenRequest request = new TokenRequest(realm().metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret())), new ClientCredentialsGrant());
        return send(request, "get a token for Helix's service account").getTokens().getAccessToken().getValue();
    }

    private AccessTokenResponse send(TokenRequest request, String purpose) {
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw unavailable("cannot " + purpose + " at the token endpoint", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new SignInRefusedException("the identity provider refused to " + purpose + ": " + error.getCode()
                    + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
        }
        return response.toSuccessResponse();
    }

    /** Where to send the browser to end its session at the identity provider too, when the realm supports it. */
    public Optional<URI> signOutUri(String idToken, URI afterSignOut) {
        URI endSession = realm().metadata().getEndSessionEndpointURI();
        if (endSession == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LogoutRequest(endSession, JWTParser.parse(idToken), afterSignOut, null).toURI());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The client secret, for Helix's own requests to the identity provider only. */
    public String clientSecret() {
        try {
            return vault.reveal(CLIENT_SECRET);
        } catch (NotFoundException e) {
            return configuredSecret.filter(s -> !s.isBlank()).orElseThrow(() -> new IdentityProviderUnavailableException(
                    "no client secret for single sign-on: put it in the secret vault as '" + CLIENT_SECRET + "'"));
        }
    }

    private Realm realm() {
        Realm known = realm;
        if (known == null) {
            synchronized (this) {
                if (realm == null) {
                    realm = discover();
                }
                known = realm;
            }
        }
        return known;
    }

    private Realm discover() {
        Issuer expected = new Issuer(configuration.requireIssuer());
        OIDCProviderMetadata metadata;
        JWKSource<SecurityContext> keys;
        try {
            metadata = OIDCProviderMetadata.resolve(expected, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS)).retrying(true).build();
        } catch (GeneralException | IOException e) {
            throw unavailable("cannot read the discovery document of " + expected, e);
        }
        DefaultJWTProcessor<SecurityContext> accessTokens = new DefaultJWTProcessor<>();
        accessTokens.setJWSKeySelector(new JWSVerificationKeySelector<>(SIGNATURES, keys));
        accessTokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(clientId),
                new JWTClaimsSet.Builder().issuer(metadata.getIssuer().getValue()).build(), Set.of("exp", "iat"), null));
        IDTokenValidator idTokens = new IDTokenValidator(metadata.getIssuer(), new ClientID(clientId),
                new JWSVerificationKeySelector<>(SIGNATURES, keys), null);
        return new Realm(metadata, accessTokens, idTokens);
    }

    private static IdentityProviderUnavailableException unavailable(String what, Exception cause) {
        return new IdentityProviderUnavailableException(what + ": " + cause.getMessage());
    }
}
