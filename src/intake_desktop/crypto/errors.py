class CryptoError(Exception):
    """Base class for failures of the crypto layer."""


class WrongKeyError(CryptoError):
    """A key slot did not open: wrong passphrase or wrong recovery key."""


class TamperedError(CryptoError):
    """Authentication failed on stored data: it was changed, moved or damaged."""


class WeakParametersError(CryptoError):
    """A key slot asks for KDF parameters below the accepted minimum."""
