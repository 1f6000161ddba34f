# Development's values (variables.tf says what each means): the environment's from the
# catalog, the sizes from the golden path's form. Change them here, through a merge request.
environment   = "development"
production    = false
cloud_account = "acme-dev"
region        = "europe-west1"
workload      = "checkout-payment-reconciliation-worker"
owner         = "checkout-team"
