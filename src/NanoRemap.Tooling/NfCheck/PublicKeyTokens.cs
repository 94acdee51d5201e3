using System.Security.Cryptography;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>Public key tokens (ECMA-335 II.6.3: the last 8 bytes of the SHA-1 of the public key, reversed).</summary>
public static class PublicKeyTokens
{
    /// <summary>Token of a full public key, as lowercase hex.</summary>
    public static string FromPublicKey(byte[] publicKey)
    {
        byte[] hash = SHA1.HashData(publicKey);
        var token = new byte[8];
        for (int i = 0; i < 8; i++)
        {
            token[i] = hash[hash.Length - 1 - i];
        }
        return Convert.ToHexStringLower(token);
    }

    /// <summary>A reference's key or token blob as a token in lowercase hex (tokens are 8 bytes, keys longer).</summary>
    public static string FromBlob(byte[] keyOrToken) =>
        keyOrToken.Length == 8 ? Convert.ToHexStringLower(keyOrToken) : keyOrToken.Length == 0 ? "" : FromPublicKey(keyOrToken);
}
