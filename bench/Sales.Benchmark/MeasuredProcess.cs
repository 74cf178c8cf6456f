using System.Diagnostics;
using System.Globalization;

namespace Sales.Benchmark;

/// <summary>
/// Runs a program as a whole process and records its wall time and peak RSS. With GNU time
/// installed the peak comes from the kernel's accounting at exit (exact); otherwise /proc/PID/status
/// VmHWM is polled while it runs.
/// </summary>
internal static class MeasuredProcess
{
    private const string GnuTime = "/usr/bin/time";

    public static Measurement Run(string program, IEnumerable<string> arguments, string? standardInput = null)
    {
        var useGnuTime = File.Exists(GnuTime);
        var rssFile = Path.GetTempFileName();
        var start = new ProcessStartInfo(useGnuTime ? GnuTime : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        if (useGnuTime)
        {
            foreach (var argument in new[] { "-f", "%M", "-o", rssFile, program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        long polledPeak = 0;
        while (!useGnuTime && !process.WaitForExit(20))
        {
            polledPeak = Math.Max(polledPeak, ReadPeakRss(process.Id));
        }

        process.WaitForExit();
        clock.Stop();
        var output = stdout.Result + stderr.Result;
        var peak = useGnuTime ? ReadGnuTimePeak(rssFile) : polledPeak;
        File.Delete(rssFile);
        return new Measurement(clock.Elapsed, peak, process.ExitCode, output);
    }

    private static long ReadPeakRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }

        return 0;
    }

    private static long ReadGnuTimePeak(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        return lines.Length > 0 && long.TryParse(lines[^1].Trim(), CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes * 1024 : 0;
    }
}
