{%- set common = values.common -%}
# What the portal and other roots may read from this state.
{%- if common.serviceAccount %}

output "service_account" {
  description = "The cloud service account the workload's pods act as."
  value       = module.service_account.email
}
{%- endif %}
{%- if common.database %}

output "database_instance" {
  description = "The PostgreSQL instance's connection name."
  value       = module.database.connection_name
}
{%- endif %}
{%- if common.cache %}

output "cache_host" {
  description = "The Redis instance's address."
  value       = module.cache.host
}
{%- endif %}
{%- if common.bucket %}

output "bucket" {
  description = "The bucket's name."
  value       = module.bucket.name
}
{%- endif %}
