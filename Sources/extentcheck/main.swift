print("extentcheck")
