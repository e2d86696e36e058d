namespace Populus.Storage.Registry;

/// <summary>A PostgreSQL store's registry key file is not named: the store has no folder to keep it beside, so
/// person records can be neither sealed nor read until one is (--key-file, $POPULUS_KEY_FILE, or the server's
/// --Populus:RegistryKeyFile). A configuration fault of the machine, not of the request.</summary>
public sealed class RegistryKeyNotConfiguredException() : InvalidOperationException(
    $"name the registry key file with --key-file or ${RegistryKey.KeyFileVariable}: a PostgreSQL store has no folder to keep it beside")
{
    /// <summary>The same in Chinese, for the cockpit.</summary>
    public string MessageZh =>
        $"未指定人员登记库密钥文件：PostgreSQL 存储没有可存放密钥的文件夹，请用 --key-file 或环境变量 {RegistryKey.KeyFileVariable} 指定密钥文件";
}
