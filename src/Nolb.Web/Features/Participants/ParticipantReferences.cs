using System.Security.Cryptography;

namespace Nolb.Web.Features.Participants;

/// <summary>
/// References like "NLB-7K3F9Q": random, so they reveal nothing about how many people an LEP supports,
/// and free of letters that are easily misread (Crockford base 32: no I, L, O or U).
/// </summary>
public static class ParticipantReferences
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => "NLB-" + string.Concat(Enumerable.Range(0, 6).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
}
