# Production's values (variables.tf says what each means): the environment's from the
# catalog, the sizes from the golden path's form. Change them here, through a merge request.
environment   = "production"
production    = true
cloud_account = "acme-prod"
region        = "europe-west1"
workload      = "reporting-service"
owner         = "data-team"

bucket_versioning        = false
bucket_expire_after_days = 90
