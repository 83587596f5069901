/**
 * The base types of XL Deploy's Generic, File, Command and Python plugins that real plugins
 * extend (reference generic-plugins.md §0.1–§12). Types only: planning behaviour is attached
 * elsewhere (src/plugins/). Provided:
 *   generic  GenericContainer (interface), BaseGenericContainer, Container, NestedContainer,
 *            AbstractDeployed, ExecutedScript, ExecutedScriptWithDerivedArtifact, ExecutedFolder,
 *            ManualProcess, AbstractDeployedArtifact, CopiedArtifact, ProcessedTemplate,
 *            Resource, File, Folder, Archive
 *   file     DeployedArtifactOnHost, DeployedFile, DeployedFolder, DeployedArchive, File, Folder, Archive
 *   cmd      Command, DeployedCommand
 *   python   PythonManagedContainer, PythonManagingContainer (interfaces), PythonManagedDeployed
 *   mail     SmtpServer
 * All generic deployeds and containers are virtual, as in XL Deploy; the deployables are concrete.
 */
export const genericSyntheticXml = `<synthetic>
  <!-- Generic plugin: containers -->
  <type type="generic.GenericContainer" interface="true" implements="udm.Container"/>
  <type type="generic.BaseGenericContainer" extends="udm.BaseContainer" virtual="true"
        implements="generic.GenericContainer overthere.HostContainer">
    <property name="envVars" kind="map_string_string" required="false" category="Common"
              description="Environment variables for the scripts run on this container."/>
    <property name="startScript" hidden="true" required="false"/>
    <property name="stopScript" hidden="true" required="false"/>
    <property name="restartScript" hidden="true" required="false"/>
    <property name="startOrder" kind="integer" default="90" hidden="true"/>
    <property name="stopOrder" kind="integer" default="10" hidden="true"/>
    <property name="restartOrder" kind="integer" default="90" hidden="true"/>
    <property name="startWaitTime" kind="integer" default="0" hidden="true"/>
    <property name="stopWaitTime" kind="integer" default="0" hidden="true"/>
    <property name="restartWaitTime" kind="integer" default="0" hidden="true" required="false"/>
    <property name="startClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="startTemplateClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="stopClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="stopTemplateClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="restartClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="restartTemplateClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="inspectScript" hidden="true" required="false"/>
    <property name="inspectClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="inspectTemplateClasspathResources" kind="set_of_string" hidden="true" required="false"/>
  </type>
  <type type="generic.Container" extends="generic.BaseGenericContainer" virtual="true"
        description="A container to which generic CIs can be deployed.">
    <property name="host" kind="ci" referenced-type="overthere.Host" as-containment="true" category="Common"
              description="The host the middleware runs on."/>
  </type>
  <type type="generic.NestedContainer" extends="generic.BaseGenericContainer" virtual="true"
        description="A container nested in another container; subtypes declare the parent property."/>

  <!-- Generic plugin: deployeds -->
  <type type="generic.AbstractDeployed" extends="udm.BaseDeployed" virtual="true"
        container-type="overthere.HostContainer"
        description="Abstract deployed that can target any deployable to a generic container.">
    <property name="createOrder" kind="integer" default="50" hidden="true"/>
    <property name="modifyOrder" kind="integer" default="50" hidden="true"/>
    <property name="destroyOrder" kind="integer" default="40" hidden="true"/>
    <property name="noopOrder" kind="integer" default="50" hidden="true"/>
    <property name="createVerb" default="Create" hidden="true"/>
    <property name="modifyVerb" default="Modify" hidden="true"/>
    <property name="destroyVerb" default="Destroy" hidden="true"/>
    <property name="noopVerb" default="Modify" hidden="true"/>
    <property name="createOptions" kind="set_of_string" hidden="true"
              default="uploadArtifactData,uploadClasspathResources,uploadTemplateClasspathResources"/>
    <property name="modifyOptions" kind="set_of_string" hidden="true"
              default="uploadArtifactData,uploadClasspathResources,uploadTemplateClasspathResources"/>
    <property name="destroyOptions" kind="set_of_string" hidden="true"
              default="uploadArtifactData,uploadClasspathResources,uploadTemplateClasspathResources"/>
    <property name="noopOptions" kind="set_of_string" hidden="true"
              default="uploadArtifactData,uploadClasspathResources,uploadTemplateClasspathResources"/>
    <property name="restartRequired" kind="boolean" default="false" hidden="true" required="false"/>
    <property name="restartRequiredForNoop" kind="boolean" default="false" hidden="true" required="false"/>
    <property name="inspectScript" hidden="true" required="false"/>
    <property name="inspectClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="inspectTemplateClasspathResources" kind="set_of_string" hidden="true" required="false"/>
  </type>
  <type type="generic.ExecutedScript" extends="generic.AbstractDeployed" virtual="true"
        description="A script executed on a generic container.">
    <property name="createScript" hidden="true" required="false"/>
    <property name="modifyScript" hidden="true" required="false"/>
    <property name="destroyScript" hidden="true" required="false"/>
    <property name="noopScript" hidden="true" required="false"/>
    <property name="classpathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="templateClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="remoteWorkingDirectoryPath" hidden="true" required="false"/>
    <property name="retainRemoteWorkingDirectory" kind="boolean" default="false" hidden="true" required="false"/>
  </type>
  <type type="generic.ExecutedScriptWithDerivedArtifact" extends="generic.ExecutedScript" virtual="true"
        implements="udm.DerivedArtifact"
        description="A script executed on a generic container whose artifact supports placeholder replacement.">
    <property name="placeholders" kind="map_string_string" required="false" category="Common"/>
  </type>
  <type type="generic.ExecutedFolder" extends="generic.AbstractDeployed" virtual="true"
        implements="udm.DerivedArtifact"
        description="Scripts in the folder are executed against a container based on a naming convention.">
    <property name="executorScript"/>
    <property name="scriptRecognitionRegex"/>
    <property name="rollbackScriptRecognitionRegex"/>
    <property name="rollbackScriptPostfix"/>
    <property name="commonScriptFolderName" default="common" hidden="true"/>
    <property name="classpathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="templateClasspathResources" kind="set_of_string" hidden="true" required="false"/>
    <property name="placeholders" kind="map_string_string" required="false" category="Common"/>
    <property name="checkpointAfterFirstScript" kind="boolean" default="true" hidden="true" required="false"/>
    <property name="executeModifiedScripts" kind="boolean" default="true" hidden="true" required="false"/>
    <property name="executeRollbackForModifiedScripts" kind="boolean" default="true" hidden="true"
              required="false"/>
  </type>
  <type type="generic.ManualProcess" extends="generic.AbstractDeployed" virtual="true"
        description="Manual instructions for the operator; the deployment pauses until they are done.">
    <property name="createScript" hidden="true" required="false"/>
    <property name="modifyScript" hidden="true" required="false"/>
    <property name="destroyScript" hidden="true" required="false"/>
    <property name="noopScript" hidden="true" required="false"/>
    <property name="toAddresses" kind="set_of_string" required="false" category="Mail"/>
    <property name="fromAddress" required="false" category="Mail"/>
    <property name="subject" required="false" category="Mail"/>
  </type>
  <type type="generic.AbstractDeployedArtifact" extends="generic.AbstractDeployed" virtual="true"
        description="Abstract deployed that can target any artifact to a generic container.">
    <property name="targetDirectory" hidden="true"/>
    <property name="targetFile" required="false"/>
    <property name="createTargetDirectory" kind="boolean" default="false" hidden="true" required="false"/>
    <property name="targetDirectoryShared" kind="boolean" default="true" hidden="true" required="false"/>
  </type>
  <type type="generic.CopiedArtifact" extends="generic.AbstractDeployedArtifact" virtual="true"
        implements="udm.DerivedArtifact" description="An artifact deployed on a generic container.">
    <property name="placeholders" kind="map_string_string" required="false" category="Common"/>
    <property name="preserveExistingFiles" kind="boolean" default="false" hidden="true" required="false"/>
    <property name="targetPathSharedSubDirectories" kind="boolean" default="false" hidden="true" required="false"/>
    <property name="copyDirectlyToTargetPath" kind="boolean" default="false" hidden="true" required="false"/>
  </type>
  <type type="generic.ProcessedTemplate" extends="generic.AbstractDeployedArtifact" virtual="true"
        description="A template deployed to a generic container.">
    <property name="template" hidden="true"/>
  </type>

  <!-- Generic plugin: deployables -->
  <type type="generic.Resource" extends="udm.BaseDeployable" description="A generic resource specification."/>
  <type type="generic.File" extends="udm.BaseDeployableFileArtifact" description="A generic file artifact."/>
  <type type="generic.Folder" extends="udm.BaseDeployableFolderArtifact" description="A generic folder artifact."/>
  <type type="generic.Archive" extends="udm.BaseDeployableArchiveArtifact" description="A generic archive artifact."/>

  <!-- File plugin -->
  <type type="file.DeployedArtifactOnHost" extends="udm.BaseDeployedArtifact" virtual="true"
        container-type="overthere.Host">
    <property name="container" kind="ci" referenced-type="overthere.Host" as-containment="true" category="Common"/>
    <property name="targetPath" category="Common" description="Directory the artifact goes to."/>
    <property name="createTargetPath" kind="boolean" default="false" required="false" category="Common"/>
    <property name="targetPathShared" kind="boolean" default="true" required="false" category="Common"/>
    <property name="targetFileName" required="false" category="Common"
              description="Name on the host; the artifact's own name when empty."/>
    <property name="targetPathSharedSubDirectories" kind="boolean" default="false" hidden="true" required="false"/>
    <property name="copyDirectlyToTargetPath" kind="boolean" default="false" hidden="true" required="false"/>
  </type>
  <type type="file.File" extends="udm.BaseDeployableFileArtifact" description="A file to copy to a host.">
    <property name="targetPath" required="false"/>
    <property name="targetPathShared" required="false"/>
    <property name="createTargetPath" required="false"/>
    <property name="targetFileName" required="false"/>
  </type>
  <type type="file.Folder" extends="udm.BaseDeployableFolderArtifact" description="A folder to copy to a host.">
    <property name="targetPath" required="false"/>
    <property name="targetPathShared" required="false"/>
    <property name="createTargetPath" required="false"/>
  </type>
  <type type="file.Archive" extends="udm.BaseDeployableArchiveArtifact" description="An archive to copy to a host.">
    <property name="targetPath" required="false"/>
    <property name="targetPathShared" required="false"/>
    <property name="createTargetPath" required="false"/>
    <property name="targetFileName" required="false"/>
  </type>
  <type type="file.DeployedFile" extends="file.DeployedArtifactOnHost" deployable-type="file.File"
        description="A file copied to a host."/>
  <type type="file.DeployedArchive" extends="file.DeployedArtifactOnHost" deployable-type="file.Archive"
        description="An archive copied to a host."/>
  <type type="file.DeployedFolder" extends="file.DeployedArtifactOnHost" deployable-type="file.Folder"
        description="A folder copied to a host.">
    <property name="targetFileName" hidden="true" required="false" default=""/>
  </type>

  <!-- Command plugin -->
  <type type="cmd.Command" extends="udm.BaseDeployable" description="An operating system command.">
    <property name="commandLine" required="false" category="Common"/>
    <property name="order" kind="integer" default="50" category="Common"/>
    <property name="dependencies" kind="set_of_ci" referenced-type="file.File" required="false" category="Common"/>
    <property name="undoCommand" kind="ci" referenced-type="cmd.Command" required="false" category="Undo"/>
    <property name="runUndoCommandOnUpgrade" kind="boolean" default="true" required="false" category="Undo"/>
    <property name="undoCommandLine" required="false" category="Undo"/>
    <property name="undoOrder" kind="integer" default="49" required="false" category="Undo"/>
    <property name="undoDependencies" kind="set_of_ci" referenced-type="file.File" required="false" category="Undo"/>
  </type>
  <type type="cmd.DeployedCommand" extends="udm.BaseDeployed" deployable-type="cmd.Command"
        container-type="overthere.Host" description="An operating system command run on a host.">
    <property name="container" kind="ci" referenced-type="overthere.Host" as-containment="true" category="Common"/>
    <property name="commandLine" category="Common"/>
    <property name="order" kind="integer" default="50" category="Common"/>
    <property name="dependencies" kind="set_of_ci" referenced-type="file.File" required="false" category="Common"/>
    <property name="undoCommand" kind="ci" referenced-type="cmd.Command" required="false" category="Undo"/>
    <property name="runUndoCommandOnUpgrade" kind="boolean" required="false" category="Undo"/>
    <property name="undoCommandLine" required="false" category="Undo"/>
    <property name="undoOrder" kind="integer" default="49" required="false" category="Undo"/>
    <property name="undoDependencies" kind="set_of_ci" referenced-type="file.File" required="false" category="Undo"/>
    <property name="rerunCommand" kind="boolean" transient="true" required="false" category="Common"/>
  </type>

  <!-- Python plugin -->
  <type type="python.PythonManagedContainer" interface="true" implements="udm.Container"/>
  <type type="python.PythonManagingContainer" interface="true" implements="udm.Container"/>
  <type type="python.PythonManagedDeployed" extends="udm.BaseDeployed" virtual="true"
        container-type="python.PythonManagedContainer">
    <property name="exposeDeployedApplication" kind="boolean" default="false" hidden="true" required="false"/>
    <property name="libraryScripts" kind="list_of_string" hidden="true" required="false"/>
    <property name="discoverOrder" kind="integer" default="50" hidden="true"/>
  </type>

  <!-- Mail server referenced by environments and generic.ManualProcess -->
  <type type="mail.SmtpServer" extends="udm.Configuration" description="A mail server.">
    <property name="host" category="Common"/>
    <property name="port" kind="integer" default="25" category="Common"/>
    <property name="username" required="false" category="Common"/>
    <property name="password" password="true" required="false" category="Common"/>
    <property name="fromAddress" category="Common"/>
    <property name="testAddress" required="false" category="Common"/>
    <property name="smtpProperties" kind="map_string_string" required="false" category="Advanced"/>
  </type>
  <type-modification type="udm.Environment">
    <property name="smtpServer" kind="ci" referenced-type="mail.SmtpServer" required="false" category="Mail"/>
  </type-modification>
</synthetic>`;
