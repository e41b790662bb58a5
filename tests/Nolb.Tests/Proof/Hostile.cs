using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Nolb.Tests.Proof;

/// <summary>
/// FsCheck generators of hostile text and files, and a runner for properties that go through HTTP: each sample
/// is checked in turn (async, so no test thread is blocked) and every failing sample is reported with its label.
/// </summary>
public static class Hostile
{
    public const string Script = "<script>alert('nolb')</script>";

    /// <summary>Text a hostile or careless user might type: script, control characters, right-to-left override, very long runs.</summary>
    public static Gen<string> Text() => Gen.OneOf(
        Gen.Constant(Script),
        Gen.Constant("\"><img src=x onerror=alert(1)>"),
        Gen.Elements("\0", "\u0001\u0002\u0007", "\u001b[31m", "line\r\nbreak", "\u202Eevil", "\uFFFF"),
        Gen.Choose(201, 20_000).Select(n => new string('x', n)),
        Gen.Choose(1, 300).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 0xD7FF).Select(c => (char)c), n)).Select(cs => new string(cs)),
        Gen.Constant("=HYPERLINK(\"http://x\",\"y\")"));

    public static Gen<byte[]> RandomBytes(int maxLength = 4096) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    /// <summary>A strict prefix of a valid file: what an interrupted upload leaves.</summary>
    public static Gen<byte[]> Truncated(byte[] valid) => Gen.Choose(0, valid.Length - 1).Select(n => valid[..n]);

    public static async Task CheckAsync<T>(Gen<T> generator, int samples, Func<T, string> label, Func<T, Task> property)
    {
        var failures = new StringBuilder();
        foreach (var sample in generator.Sample(samples, samples))
        {
            try
            {
                await property(sample);
            }
            catch (Exception e)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"- {label(sample)}: {e.Message.Split('\n')[0]}");
            }
        }

        Assert.True(failures.Length == 0, "Failing samples:\n" + failures);
    }

    public static string Describe(string text) =>
        text.Length > 60 ? $"{text.Length} characters starting {Printable(text[..20])}" : Printable(text);

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
