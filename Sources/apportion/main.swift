print("apportion")
