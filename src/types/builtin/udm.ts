/**
 * The udm.* and core.* types of XL Deploy (reference §6.1), in synthetic.xml form. Interfaces
 * use Planwright's built-in-only `interface`/`implements` attributes. Provided:
 *   interfaces  udm.ConfigurationItem, udm.Taggable, udm.Deployable, udm.Deployed, udm.Container,
 *               udm.Artifact, udm.SourceArtifact, udm.DerivedArtifact, udm.FileArtifact,
 *               udm.FolderArtifact, udm.ArchiveArtifact, udm.EmbeddedDeployable, udm.EmbeddedDeployed,
 *               udm.Template
 *   classes     udm.BaseConfigurationItem, udm.Configuration, udm.Parameters, core.Directory,
 *               udm.BaseDeployable, udm.BaseDeployableArtifact, udm.BaseDeployableFileArtifact,
 *               udm.BaseDeployableFolderArtifact, udm.BaseDeployableArchiveArtifact,
 *               udm.BaseDeployableContainer, udm.BaseEmbeddedDeployable, udm.EmbeddedDeployableArtifact,
 *               udm.LocalEmbeddedDeployableFolder, udm.BaseDeployed, udm.BaseDeployedArtifact,
 *               udm.BaseDeployedContainer, udm.BaseEmbeddedDeployed, udm.EmbeddedDeployedArtifact,
 *               udm.BaseDeployedInfrastructureAsCode, udm.BaseProvisionable, udm.BaseProvisioned,
 *               udm.BaseProvisioner, udm.BaseAppliedProvisioner, udm.BaseProvisionerArtifact,
 *               udm.BaseAppliedProvisionerArtifact, udm.BaseContainer, udm.Environment,
 *               udm.Application, udm.Version, udm.DeploymentPackage, udm.CompositePackage,
 *               udm.DeployedApplication, udm.AbstractDictionary, udm.Dictionary, udm.EncryptedDictionary
 */
export const udmSyntheticXml = `<synthetic>
  <type type="udm.ConfigurationItem" interface="true"/>
  <type type="udm.Taggable" interface="true" implements="udm.ConfigurationItem"/>
  <type type="udm.Deployable" interface="true" implements="udm.ConfigurationItem"/>
  <type type="udm.Deployed" interface="true" implements="udm.ConfigurationItem"/>
  <type type="udm.Container" interface="true" implements="udm.ConfigurationItem"/>
  <type type="udm.Artifact" interface="true" implements="udm.ConfigurationItem"/>
  <type type="udm.SourceArtifact" interface="true" implements="udm.Artifact"/>
  <type type="udm.DerivedArtifact" interface="true" implements="udm.Artifact"/>
  <type type="udm.FileArtifact" interface="true" implements="udm.Artifact"/>
  <type type="udm.FolderArtifact" interface="true" implements="udm.Artifact"/>
  <type type="udm.ArchiveArtifact" interface="true" implements="udm.FileArtifact"/>
  <type type="udm.EmbeddedDeployable" interface="true" implements="udm.ConfigurationItem"/>
  <type type="udm.EmbeddedDeployed" interface="true" implements="udm.ConfigurationItem"/>
  <type type="udm.Template" interface="true" implements="udm.ConfigurationItem"/>

  <type type="udm.BaseConfigurationItem" virtual="true" implements="udm.ConfigurationItem"
        description="Root class of every configuration item (id, name and type are not properties)."/>
  <type type="core.Directory" extends="udm.BaseConfigurationItem" description="A folder in the repository."/>
  <type type="udm.Configuration" extends="udm.BaseConfigurationItem" virtual="true" root="CONFIGURATION"
        description="Base of CIs stored under Configuration."/>
  <type type="udm.Parameters" extends="udm.BaseConfigurationItem" virtual="true"
        description="Base of control-task parameter CIs."/>

  <!-- Deployables -->
  <type type="udm.BaseDeployable" extends="udm.BaseConfigurationItem" virtual="true"
        implements="udm.Deployable udm.Taggable" root="APPLICATIONS">
    <property name="tags" kind="set_of_string" required="false" category="Deployment"
              description="Tags matched against the containers' tags when mapping."/>
  </type>
  <type type="udm.BaseDeployableArtifact" extends="udm.BaseDeployable" virtual="true" implements="udm.SourceArtifact">
    <property name="fileUri" required="false" category="Common" description="Where the artifact's content comes from."/>
    <property name="placeholders" kind="set_of_string" required="false" category="Common"
              description="Placeholders found in the artifact."/>
    <property name="checksum" required="false" category="Common" description="SHA-1 of the artifact's content."/>
    <property name="scanPlaceholders" kind="boolean" default="true" required="false" category="Common"
              description="Whether to scan the artifact for placeholders."/>
    <property name="preScannedPlaceholders" kind="boolean" default="false" required="false" category="Common"/>
    <property name="excludeFileNamesRegex" required="false" category="Common"
              description="Files whose name matches are not scanned for placeholders."/>
    <property name="textFileNamesRegex" hidden="true" required="false" category="Common"
              default=".+\\.(cfg|conf|config|ini|properties|props|txt|asp|aspx|htm|html|jsf|jsp|xht|xhtml|sql|xml|xsd|xsl|xslt)"
              description="Files whose name matches are scanned for placeholders."/>
    <property name="delimiters" hidden="true" required="false" default="{{ }}" category="Common"
              description="Start and end of a placeholder."/>
    <property name="fileEncodings" kind="map_string_string" required="false" category="Common"
              description="File name regex to character set."/>
  </type>
  <type type="udm.BaseDeployableFileArtifact" extends="udm.BaseDeployableArtifact" virtual="true"
        implements="udm.FileArtifact"/>
  <type type="udm.BaseDeployableFolderArtifact" extends="udm.BaseDeployableArtifact" virtual="true"
        implements="udm.FolderArtifact"/>
  <type type="udm.BaseDeployableArchiveArtifact" extends="udm.BaseDeployableFileArtifact" virtual="true"
        implements="udm.ArchiveArtifact">
    <property name="scanPlaceholders" kind="boolean" default="false" required="false" category="Common"
              description="Archives are not scanned for placeholders unless asked."/>
  </type>
  <type type="udm.BaseDeployableContainer" extends="udm.BaseDeployable" virtual="true"/>
  <type type="udm.BaseEmbeddedDeployable" extends="udm.BaseConfigurationItem" virtual="true"
        implements="udm.EmbeddedDeployable"/>
  <type type="udm.EmbeddedDeployableArtifact" extends="udm.BaseEmbeddedDeployable" virtual="true"
        implements="udm.SourceArtifact">
    <property name="fileUri" required="false"/>
    <property name="placeholders" kind="set_of_string" required="false"/>
    <property name="checksum" required="false"/>
    <property name="scanPlaceholders" kind="boolean" default="true" required="false"/>
  </type>
  <type type="udm.LocalEmbeddedDeployableFolder" extends="udm.EmbeddedDeployableArtifact" virtual="true"
        implements="udm.FolderArtifact"/>
  <type type="udm.BaseProvisionable" extends="udm.BaseDeployable" virtual="true">
    <property name="cardinality" default="1" required="false" category="Provisioning"/>
    <property name="boundTemplates" kind="set_of_ci" referenced-type="udm.Template" required="false"
              category="Provisioning"/>
  </type>
  <type type="udm.BaseProvisioner" extends="udm.BaseEmbeddedDeployable" virtual="true">
    <property name="ordinal" kind="integer" default="50" required="false"/>
  </type>
  <type type="udm.BaseProvisionerArtifact" extends="udm.EmbeddedDeployableArtifact" virtual="true">
    <property name="ordinal" kind="integer" default="50" required="false"/>
  </type>

  <!-- Deployeds -->
  <type type="udm.BaseDeployed" extends="udm.BaseConfigurationItem" virtual="true" implements="udm.Deployed"
        root="INFRASTRUCTURE">
    <property name="deployable" kind="ci" referenced-type="udm.Deployable" required="false" category="Common"
              description="The deployable this deployed was made from."/>
    <property name="container" kind="ci" referenced-type="udm.Container" as-containment="true" category="Common"
              description="The container this deployed is on."/>
  </type>
  <type type="udm.BaseDeployedArtifact" extends="udm.BaseDeployed" virtual="true" implements="udm.DerivedArtifact">
    <property name="placeholders" kind="map_string_string" required="false" category="Common"
              description="Placeholder values used when the artifact's content is copied."/>
  </type>
  <type type="udm.BaseDeployedContainer" extends="udm.BaseDeployed" virtual="true" implements="udm.Container">
    <property name="tags" kind="set_of_string" required="false" category="Deployment"/>
  </type>
  <type type="udm.BaseDeployedInfrastructureAsCode" extends="udm.BaseDeployedArtifact" virtual="true"/>
  <type type="udm.BaseEmbeddedDeployed" extends="udm.BaseConfigurationItem" virtual="true"
        implements="udm.EmbeddedDeployed">
    <property name="deployable" kind="ci" referenced-type="udm.EmbeddedDeployable" required="false"/>
  </type>
  <type type="udm.EmbeddedDeployedArtifact" extends="udm.BaseEmbeddedDeployed" virtual="true"
        implements="udm.DerivedArtifact">
    <property name="placeholders" kind="map_string_string" required="false"/>
  </type>
  <type type="udm.BaseProvisioned" extends="udm.BaseDeployed" virtual="true">
    <property name="ordinal" kind="integer" default="1" required="false" category="Provisioning"/>
  </type>
  <type type="udm.BaseAppliedProvisioner" extends="udm.BaseEmbeddedDeployed" virtual="true">
    <property name="ordinal" kind="integer" default="50" required="false"/>
  </type>
  <type type="udm.BaseAppliedProvisionerArtifact" extends="udm.EmbeddedDeployedArtifact" virtual="true">
    <property name="ordinal" kind="integer" default="50" required="false"/>
  </type>

  <!-- Containers and environments -->
  <type type="udm.BaseContainer" extends="udm.BaseConfigurationItem" virtual="true"
        implements="udm.Container udm.Taggable" root="INFRASTRUCTURE">
    <property name="tags" kind="set_of_string" required="false" category="Deployment"
              description="Tags matched against the deployables' tags when mapping."/>
    <property name="deploymentGroup" kind="integer" required="false" category="Deployment"
              description="Group number used by the group-based orchestrators."/>
    <property name="deploymentSubGroup" kind="integer" required="false" category="Deployment"/>
    <property name="deploymentSubSubGroup" kind="integer" required="false" category="Deployment"/>
  </type>
  <type type="udm.Environment" extends="udm.BaseConfigurationItem" root="ENVIRONMENTS"
        description="A set of containers an application is deployed to.">
    <property name="members" kind="set_of_ci" referenced-type="udm.Container" required="false" category="Common"/>
    <property name="dictionaries" kind="list_of_ci" referenced-type="udm.AbstractDictionary" required="false"
              category="Common" description="Dictionaries in order of precedence."/>
  </type>
  <type type="udm.AbstractDictionary" extends="udm.BaseConfigurationItem" virtual="true" root="ENVIRONMENTS">
    <property name="entries" kind="map_string_string" required="false" category="Common"/>
    <property name="encryptedEntries" kind="map_string_string" password="true" required="false" category="Common"/>
    <property name="restrictToContainers" kind="set_of_ci" referenced-type="udm.Container" required="false"
              category="Restrictions"/>
    <property name="restrictToApplications" kind="set_of_ci" referenced-type="udm.Application" required="false"
              category="Restrictions"/>
  </type>
  <type type="udm.Dictionary" extends="udm.AbstractDictionary" description="Placeholder values for an environment."/>
  <type type="udm.EncryptedDictionary" extends="udm.AbstractDictionary"
        description="Deprecated: a dictionary whose entries are all encrypted.">
    <property name="entries" kind="map_string_string" password="true" required="false" category="Common"/>
  </type>

  <!-- Applications -->
  <type type="udm.Application" extends="udm.BaseConfigurationItem" root="APPLICATIONS"
        description="Groups the versions of an application."/>
  <type type="udm.Version" extends="udm.BaseConfigurationItem" virtual="true" root="APPLICATIONS">
    <property name="application" kind="ci" referenced-type="udm.Application" as-containment="true" required="false"/>
    <property name="orchestrator" kind="list_of_string" required="false" category="Deployment"/>
    <property name="applicationDependencies" kind="map_string_string" required="false" category="Dependencies"
              description="Application name to version range."/>
    <property name="dependencyResolution" default="LATEST" required="false" category="Dependencies"/>
    <property name="undeployDependencies" kind="boolean" default="false" required="false" category="Dependencies"/>
  </type>
  <type type="udm.DeploymentPackage" extends="udm.Version" description="A version of an application.">
    <property name="deployables" kind="set_of_ci" referenced-type="udm.Deployable" as-containment="true"
              required="false" category="Common"/>
    <property name="templates" kind="set_of_ci" referenced-type="udm.Template" required="false"
              category="Provisioning"/>
    <property name="boundTemplates" kind="set_of_ci" referenced-type="udm.Template" required="false"
              category="Provisioning"/>
  </type>
  <type type="udm.CompositePackage" extends="udm.Version" description="Deprecated: a package made of packages.">
    <property name="packages" kind="list_of_ci" referenced-type="udm.Version" required="false" category="Common"/>
  </type>
  <type type="udm.DeployedApplication" extends="udm.BaseConfigurationItem" root="ENVIRONMENTS"
        description="A version of an application deployed to an environment.">
    <property name="version" kind="ci" referenced-type="udm.Version" category="Common"/>
    <property name="environment" kind="ci" referenced-type="udm.Environment" as-containment="true" category="Common"/>
    <property name="deployeds" kind="set_of_ci" referenced-type="udm.Deployed" required="false" category="Common"/>
    <property name="orchestrator" kind="list_of_string" required="false" category="Deployment"/>
    <property name="optimizePlan" kind="boolean" default="true" required="false" category="Deployment"/>
    <property name="undeployDependencies" kind="boolean" default="false" required="false" category="Dependencies"/>
  </type>
</synthetic>`;
