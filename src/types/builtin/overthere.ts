/**
 * Hosts reachable through Overthere (reference §6.1). Provided: overthere.HostContainer
 * (interface), overthere.Host (virtual), overthere.LocalHost, overthere.SshHost,
 * overthere.BaseSmbHost (virtual), overthere.SmbHost, overthere.CifsHost.
 */
export const overthereSyntheticXml = `<synthetic>
  <type type="overthere.HostContainer" interface="true" implements="udm.Container"
        description="A container that lives on a host."/>
  <type type="overthere.Host" extends="udm.BaseContainer" virtual="true" implements="overthere.HostContainer"
        root="INFRASTRUCTURE" description="A machine reachable through Overthere.">
    <property name="os" kind="enum" category="Common" description="Operating system family.">
      <enum-values><value>UNIX</value><value>WINDOWS</value><value>ZOS</value></enum-values>
    </property>
    <property name="temporaryDirectoryPath" required="false" category="Advanced"
              description="Directory for temporary files; the operating system's default when empty."/>
    <property name="stagingDirectoryPath" required="false" category="Advanced"
              description="Directory artifacts are staged to before the deployment; no staging when empty."/>
  </type>
  <type type="overthere.LocalHost" extends="overthere.Host" description="The machine Planwright runs on.">
    <property name="connectionType" kind="enum" default="LOCAL" hidden="true" required="false" category="Common">
      <enum-values><value>LOCAL</value></enum-values>
    </property>
  </type>
  <type type="overthere.SshHost" extends="overthere.Host" description="A host reached over SSH.">
    <property name="connectionType" kind="enum" default="SFTP" category="Common">
      <enum-values>
        <value>SFTP</value><value>SFTP_CYGWIN</value><value>SFTP_WINSSHD</value><value>SCP</value>
        <value>SUDO</value><value>INTERACTIVE_SUDO</value>
      </enum-values>
    </property>
    <property name="address" category="Common" description="Host name or IP address."/>
    <property name="port" kind="integer" default="22" category="Common"/>
    <property name="username" category="Common"/>
    <property name="password" password="true" required="false" category="Common"/>
    <property name="privateKeyFile" required="false" category="Common"/>
    <property name="passphrase" password="true" required="false" category="Common"/>
    <property name="sudoUsername" required="false" category="Advanced"/>
    <property name="allocateDefaultPty" kind="boolean" default="false" required="false" category="Advanced"/>
  </type>
  <type type="overthere.BaseSmbHost" extends="overthere.Host" virtual="true">
    <property name="os" kind="enum" default="WINDOWS" category="Common" description="Operating system family.">
      <enum-values><value>UNIX</value><value>WINDOWS</value><value>ZOS</value></enum-values>
    </property>
    <property name="address" category="Common" description="Host name or IP address."/>
    <property name="port" kind="integer" required="false" category="Common"
              description="Telnet or WinRM port; the connection type's default when empty."/>
    <property name="username" category="Common"/>
    <property name="password" password="true" required="false" category="Common"/>
    <property name="winrmEnableHttps" kind="boolean" default="false" required="false" category="Advanced"/>
    <property name="pathShareMappings" kind="map_string_string" required="false" category="Advanced"/>
  </type>
  <type type="overthere.SmbHost" extends="overthere.BaseSmbHost" description="A Windows host reached over SMB.">
    <property name="connectionType" kind="enum" default="WINRM_INTERNAL" category="Common">
      <enum-values><value>TELNET</value><value>WINRM_INTERNAL</value><value>WINRM_NATIVE</value></enum-values>
    </property>
    <property name="smbPort" kind="integer" default="445" required="false" category="Advanced"/>
  </type>
  <type type="overthere.CifsHost" extends="overthere.BaseSmbHost" description="A Windows host reached over CIFS.">
    <property name="connectionType" kind="enum" default="WINRM_INTERNAL" category="Common">
      <enum-values><value>TELNET</value><value>WINRM_INTERNAL</value><value>WINRM_NATIVE</value></enum-values>
    </property>
    <property name="cifsPort" kind="integer" default="445" required="false" category="Advanced"/>
  </type>
</synthetic>`;
