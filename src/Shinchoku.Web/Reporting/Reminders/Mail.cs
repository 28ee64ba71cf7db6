using System.Net;
using System.Net.Mail;
using System.Text;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting.Reminders;

/// <summary>The mail settings (section <c>Mail</c>): the sender address, SMTP, or a pickup folder of .eml files.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "shinchoku@example.lg.jp";

    /// <summary><c>Smtp</c> or <c>Pickup</c>; empty: the pickup folder in Development or when no SMTP host is set, else SMTP.</summary>
    public string? Delivery { get; set; }

    /// <summary>The folder .eml files are written to (relative to the content root); default <c>data/mail</c>.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        public bool EnableSsl { get; set; } = true;
    }
}

/// <summary>Sends one e-mail.</summary>
public interface IMailSender
{
    /// <summary>Sends <paramref name="message"/>; throws <see cref="SmtpException"/> or <see cref="IOException"/> when it cannot.</summary>
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server.</summary>
public sealed class SmtpMailSender(MailOptions.SmtpOptions smtp) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file into a folder (development; listed at /admin/mail).</summary>
public sealed class PickupFolderSender(string directory) : IMailSender
{
    /// <summary>The absolute path of the folder.</summary>
    public string Directory { get; } = directory;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Directory };
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>Registers the mail sender chosen by configuration.</summary>
public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(options);
        var pickup = string.Equals(options.Delivery, "Pickup", StringComparison.OrdinalIgnoreCase)
            || (!string.Equals(options.Delivery, "Smtp", StringComparison.OrdinalIgnoreCase)
                && (environment.IsDevelopment() || string.IsNullOrWhiteSpace(options.Smtp.Host)));
        if (pickup)
        {
            var folder = Path.GetFullPath(options.PickupDirectory is { Length: > 0 } d ? d : Path.Combine("data", "mail"), environment.ContentRootPath);
            services.AddSingleton(new PickupFolderSender(folder));
            services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<PickupFolderSender>());
        }
        else
        {
            services.AddSingleton<IMailSender>(new SmtpMailSender(options.Smtp));
        }

        return services;
    }

    /// <summary>A plain-text message in UTF-8.</summary>
    public static MailMessage Message(MailOptions options, string to, string toName, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MailMessage(new MailAddress(options.From, "Shinchoku 進捗管理", Encoding.UTF8), new MailAddress(to, toName, Encoding.UTF8))
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
            HeadersEncoding = Encoding.UTF8,
        };
    }
}
