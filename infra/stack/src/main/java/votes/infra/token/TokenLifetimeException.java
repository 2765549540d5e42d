package votes.infra.token;

/** A lifetime over the cap was asked for: the services would refuse such a token, so it is never minted. */
public final class TokenLifetimeException extends IllegalArgumentException {

    public TokenLifetimeException(String message) {
        super(message);
    }
}
