using Microsoft.AspNetCore.Identity;

namespace Shinchoku.Web.Accounts;

/// <summary>Identity's messages in the Japanese a prefectural officer reads.</summary>
public sealed class JapaneseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"ユーザー名「{userName}」は既に使われています。" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"ユーザー名「{userName}」には半角英数字と - _ . @ のみ使えます。" };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"パスワードは{length}文字以上にしてください。" };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "パスワードが正しくありません。" };

    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"役割「{role}」は既にあります。" };

    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"既に役割「{Roles.Describe(role)}」が付いています。" };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "ほかの人が同時に更新しました。画面を読み込み直してから、もう一度操作してください。" };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "処理できませんでした。" };
}
