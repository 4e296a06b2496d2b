// Planpuls in Azure: App Service on Linux (Node 24), a storage account reached only through a
// user-assigned managed identity ("Storage Table Data Contributor", no keys), and the Azure Bot
// resource with the Teams channel. Deploy into a resource group:
//   az deployment group create -g <group> -f infra/azure.bicep -p infra/azure.parameters.json
// (Teams Toolkit / Agents Toolkit fills the ${{...}} placeholders of the parameters file).

@description('Short lower-case name in every resource name, e.g. "planpuls" or "planpulstest".')
@minLength(3)
@maxLength(16)
param resourceBaseName string

@description('Region of the web app and the storage account.')
param location string = resourceGroup().location

@description('Application (client) id of the bot\'s Entra app registration (SingleTenant).')
param botAppId string

@description('Client secret of that registration. Rotate it as README "Operate" describes.')
@secure()
param botAppPassword string

@description('Entra tenant of the municipality; the bot and the tab accept only this tenant.')
param tenantId string = tenant().tenantId

@description('Application id of the tab\'s SSO registration; empty means the bot registration is used.')
param tabAppId string = ''

@description('Entra object ids of the first admins (kommunalsjef), comma-separated.')
param adminAadObjectIds string

@description('App Service plan size. B1 is enough for one municipality; P0v3 and up for more.')
param appServiceSku string = 'B1'

@description('Instances behind App Service\'s load balancer; 2 or more is safe (see docs/operations.md).')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free on it too) or S1.')
@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

var storageName = take('${resourceBaseName}${uniqueString(resourceGroup().id)}', 24)
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var hostName = '${resourceBaseName}.azurewebsites.net'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    // Only Entra ID tokens: no account key works, so none can leak.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // The build ships its node_modules (README "Deploy to Azure"); tsx runs the TypeScript. Not
      // through node_modules/.bin, whose symlinks a zip deployment does not keep.
      appCommandLine: 'node node_modules/tsx/dist/cli.mjs bot/main.ts'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'MICROSOFT_APP_ID', value: botAppId }
        { name: 'MICROSOFT_APP_PASSWORD', value: botAppPassword }
        { name: 'MICROSOFT_APP_TENANT_ID', value: tenantId }
        { name: 'MICROSOFT_APP_TYPE', value: 'SingleTenant' }
        { name: 'TAB_APP_ID', value: tabAppId }
        { name: 'STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'PUBLIC_URL', value: 'https://${hostName}' }
        { name: 'ADMIN_AAD_OBJECT_IDS', value: adminAadObjectIds }
        { name: 'TRUST_PROXY', value: 'true' }
        { name: 'IMPORT_DEMO_ON_EMPTY', value: 'false' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [
    tableAccess
  ]
}

// Our JSON log lines on stdout, kept by App Service for `az webapp log tail` and download.
resource logs 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'logs'
  properties: {
    applicationLogs: {
      fileSystem: {
        level: 'Information'
      }
    }
    httpLogs: {
      fileSystem: {
        enabled: true
        retentionInDays: 7
        retentionInMb: 50
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: 'Planpuls'
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: botAppId
    msaAppTenantId: tenantId
    msaAppType: 'SingleTenant'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output publicUrl string = 'https://${hostName}'
output publicHostname string = hostName
output webAppName string = web.name
output storageAccountName string = storage.name
output managedIdentityClientId string = identity.properties.clientId
