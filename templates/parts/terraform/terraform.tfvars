{%- set common = values.common %}
{%- set environment = values.environment -%}
# ${{ environment.metadata.title or environment.metadata.name }}'s values (variables.tf says what each means): the environment's from the
# catalog, the sizes from the golden path's form. Change them here, through a merge request.
environment   = "${{ environment.metadata.name }}"
production    = ${{ environment.spec.production | dump }}
cloud_account = "${{ environment.spec.cloud.account }}"
{%- if environment.spec.cloud.region %}
region        = "${{ environment.spec.cloud.region }}"
{%- endif %}
workload      = "${{ common.workload }}"
owner         = "${{ (common.owner | parseEntityRef({ defaultKind: 'group', defaultNamespace: 'default' })).name }}"
{%- if common.database %}

database_tier       = "${{ common.database.tier }}"
database_storage_gb = ${{ common.database.storageGb }}
postgres_version    = "${{ common.database.version }}"
{%- endif %}
{%- if common.cache %}

cache_tier      = "${{ common.cache.tier }}"
cache_memory_gb = ${{ common.cache.memoryGb }}
{%- endif %}
{%- if common.bucket %}

bucket_versioning        = ${{ common.bucket.versioning | dump }}
bucket_expire_after_days = ${{ common.bucket.expireAfterDays }}
{%- endif %}
